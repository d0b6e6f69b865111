import numpy as np


def bootstrap_ci(x: np.ndarray, n_resamples: int = 1000, alpha: float = 0.05, seed: int = 0) -> tuple:
    """Percentile bootstrap confidence interval (lower, upper) for the mean of x."""
    x = np.asarray(x, dtype=np.float64).ravel()
    rng = np.random.default_rng(seed)
    # Each row is one resample of the same size as the data, drawn with replacement.
    picks = rng.integers(0, x.size, size=(n_resamples, x.size))
    means = x[picks].mean(axis=1)
    lower, upper = np.quantile(means, [alpha / 2.0, 1.0 - alpha / 2.0])
    return float(lower), float(upper)
