"""Divides by the variance plus eps instead of the standard deviation sqrt(var + eps)."""
# expect: standard deviation
import numpy as np


def batch_norm_inference(x, gamma, beta, running_mean, running_var, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    return gamma * (x - running_mean) / (running_var + eps) + beta
