"""Takes percentiles of all resampled data points instead of percentiles of the resample means."""
# expect: resampled means
import numpy as np


def bootstrap_ci(x, n_resamples=1000, alpha=0.05, seed=0):
    x = np.asarray(x, dtype=float)
    rng = np.random.default_rng(seed)
    values = x[rng.integers(0, len(x), size=(n_resamples, len(x)))]
    return float(np.quantile(values, alpha / 2)), float(np.quantile(values, 1 - alpha / 2))
