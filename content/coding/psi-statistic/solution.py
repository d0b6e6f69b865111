import numpy as np


def psi(expected: np.ndarray, actual: np.ndarray, n_bins: int = 10, eps: float = 1e-4) -> float:
    """Population stability index of `actual` against `expected`, with quantile bins from `expected`."""
    expected = np.asarray(expected, dtype=np.float64).ravel()
    actual = np.asarray(actual, dtype=np.float64).ravel()
    cuts = np.quantile(expected, np.arange(1, n_bins) / n_bins)
    # Bins are (-inf, c1], (c1, c2], ..., (c_last, inf): values outside the reference
    # range still land in the first or last bin instead of being dropped.
    e_counts = np.bincount(np.searchsorted(cuts, expected, side="left"), minlength=n_bins)
    a_counts = np.bincount(np.searchsorted(cuts, actual, side="left"), minlength=n_bins)
    # An empty bin would give log(0); flooring proportions at eps keeps the index finite.
    e = np.maximum(e_counts / expected.size, eps)
    a = np.maximum(a_counts / actual.size, eps)
    return float(np.sum((a - e) * np.log(a / e)))
