"""Averages the two children's entropies equally instead of weighting them by size."""
# expect: share of the parent's samples
import numpy as np


def _entropy(labels):
    if len(labels) == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / len(labels)
    return float(-np.sum(p * np.log2(p)))


def information_gain(parent: np.ndarray, left: np.ndarray, right: np.ndarray) -> float:
    return _entropy(parent) - 0.5 * (_entropy(left) + _entropy(right))
