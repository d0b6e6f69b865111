import numpy as np


def _entropy_bits(labels: np.ndarray) -> float:
    if labels.size == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / labels.size  # only observed labels, so p > 0 and log2 is finite
    return float(-np.sum(p * np.log2(p)))


def information_gain(parent: np.ndarray, left: np.ndarray, right: np.ndarray) -> float:
    """Entropy of the parent minus the size-weighted entropy of the two children, in bits."""
    parent, left, right = np.asarray(parent), np.asarray(left), np.asarray(right)
    n = parent.size
    children = (left.size / n) * _entropy_bits(left) + (right.size / n) * _entropy_bits(right)
    return _entropy_bits(parent) - children
