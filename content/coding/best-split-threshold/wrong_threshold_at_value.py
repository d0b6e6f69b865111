"""Uses the data values themselves as thresholds instead of midpoints between distinct values."""
# expect: not a value of x
import numpy as np


def _gini(labels):
    if len(labels) == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / len(labels)
    return 1.0 - float(np.sum(p * p))


def best_split(x: np.ndarray, y: np.ndarray) -> tuple:
    x, y = np.asarray(x, dtype=float), np.asarray(y)
    values = np.unique(x)
    if values.size < 2:
        return None, 0.0
    best_t, best_g = None, -1.0
    for t in values[:-1]:
        left, right = y[x <= t], y[x > t]
        g = _gini(y) - len(left) / len(y) * _gini(left) - len(right) / len(y) * _gini(right)
        if g > best_g + 1e-12:
            best_t, best_g = float(t), g
    return best_t, best_g
