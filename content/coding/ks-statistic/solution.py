import numpy as np


def ks_statistic(a: np.ndarray, b: np.ndarray) -> float:
    """Two-sample Kolmogorov-Smirnov statistic: the largest gap between the two empirical CDFs."""
    a_sorted = np.sort(np.asarray(a, dtype=np.float64).ravel())
    b_sorted = np.sort(np.asarray(b, dtype=np.float64).ravel())
    # Both step functions only jump at observed values, so the supremum is reached at one
    # of them. side="right" counts every value <= x, which handles ties correctly.
    points = np.concatenate([a_sorted, b_sorted])
    cdf_a = np.searchsorted(a_sorted, points, side="right") / a_sorted.size
    cdf_b = np.searchsorted(b_sorted, points, side="right") / b_sorted.size
    return float(np.max(np.abs(cdf_a - cdf_b)))
