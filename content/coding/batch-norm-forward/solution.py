import numpy as np


def batch_norm_forward(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, running_mean: np.ndarray, running_var: np.ndarray, momentum: float = 0.1, eps: float = 1e-5) -> tuple:
    """Training-mode batch norm over the batch axis; return (out, new_running_mean, new_running_var)."""
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    mean = x.mean(axis=0)
    var = ((x - mean) ** 2).mean(axis=0)  # biased: the statistics of this batch itself
    out = gamma * (x - mean) / np.sqrt(var + eps) + beta
    # The running variance estimates the population variance, hence the unbiased N - 1 form.
    unbiased_var = var * n / (n - 1)
    new_mean = (1.0 - momentum) * np.asarray(running_mean, dtype=np.float64) + momentum * mean
    new_var = (1.0 - momentum) * np.asarray(running_var, dtype=np.float64) + momentum * unbiased_var
    return out, new_mean, new_var
