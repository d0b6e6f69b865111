"""Updates the running variance with the biased batch variance (divides by N, not N - 1)."""
# expect: unbiased
import numpy as np


def batch_norm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    mean, var = x.mean(axis=0), x.var(axis=0)
    out = gamma * (x - mean) / np.sqrt(var + eps) + beta
    new_mean = (1 - momentum) * running_mean + momentum * mean
    new_var = (1 - momentum) * running_var + momentum * var
    return out, new_mean, new_var
