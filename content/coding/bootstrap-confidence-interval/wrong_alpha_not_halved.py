"""Uses the alpha and 1 - alpha percentiles, giving a 90% interval when 95% was asked for."""
# expect: alpha/2
import numpy as np


def bootstrap_ci(x, n_resamples=1000, alpha=0.05, seed=0):
    x = np.asarray(x, dtype=float)
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, len(x), size=(n_resamples, len(x)))].mean(axis=1)
    return float(np.quantile(means, alpha)), float(np.quantile(means, 1 - alpha))
