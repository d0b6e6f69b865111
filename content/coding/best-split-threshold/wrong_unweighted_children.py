"""Scores a split by the plain average of the two children's Gini, ignoring their sizes."""
# expect: rather than averaging the two children
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
    for t in (values[1:] + values[:-1]) / 2:
        g = _gini(y) - 0.5 * (_gini(y[x <= t]) + _gini(y[x > t]))
        if g > best_g + 1e-12:
            best_t, best_g = float(t), g
    return best_t, best_g
