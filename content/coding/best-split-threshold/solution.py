import numpy as np


def best_split(x: np.ndarray, y: np.ndarray) -> tuple:
    """Best threshold on one numeric feature by Gini decrease; returns (threshold, gain)."""
    x = np.asarray(x, dtype=np.float64)
    order = np.argsort(x, kind="stable")
    xs = x[order]
    _, codes = np.unique(np.asarray(y)[order], return_inverse=True)
    n = xs.size
    onehot = np.eye(codes.max() + 1)[codes]            # (n, C)
    total = onehot.sum(axis=0)
    left = np.cumsum(onehot, axis=0)[:-1]             # class counts of x[:i+1], i = 0..n-2
    right = total - left
    n_left = np.arange(1, n, dtype=np.float64)
    n_right = n - n_left

    def gini(counts, size):
        return 1.0 - ((counts / size[..., None]) ** 2).sum(axis=-1)

    parent = 1.0 - ((total / n) ** 2).sum()
    gain = parent - (n_left * gini(left, n_left) + n_right * gini(right, n_right)) / n
    valid = xs[1:] > xs[:-1]  # a threshold must fall strictly between two distinct values
    if not valid.any():
        return None, 0.0
    gain = np.where(valid, gain, -np.inf)
    # Equal gains can differ in the last bits; take the first (smallest threshold) near-maximum.
    best = int(np.flatnonzero(gain >= gain.max() - 1e-12)[0])
    return float((xs[best] + xs[best + 1]) / 2), float(gain[best])
