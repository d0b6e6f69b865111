"""Normalises with the mean and variance of the current batch instead of the running statistics."""
# expect: running statistics
import numpy as np


def batch_norm_inference(x, gamma, beta, running_mean, running_var, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    return gamma * (x - x.mean(axis=0)) / np.sqrt(x.var(axis=0) + eps) + beta
