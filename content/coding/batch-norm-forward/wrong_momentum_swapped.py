"""Swaps the momentum weights, keeping only 10% of the old running statistics."""
# expect: momentum
import numpy as np


def batch_norm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    mean, var = x.mean(axis=0), x.var(axis=0)
    out = gamma * (x - mean) / np.sqrt(var + eps) + beta
    new_mean = momentum * running_mean + (1 - momentum) * mean
    new_var = momentum * running_var + (1 - momentum) * var * n / (n - 1)
    return out, new_mean, new_var
