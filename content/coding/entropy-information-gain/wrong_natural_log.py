"""Uses the natural logarithm, so the gain comes out in nats instead of bits."""
# expect: use log2
import numpy as np


def _entropy(labels):
    if len(labels) == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / len(labels)
    return float(-np.sum(p * np.log(p)))


def information_gain(parent: np.ndarray, left: np.ndarray, right: np.ndarray) -> float:
    n = len(parent)
    return _entropy(parent) - len(left) / n * _entropy(left) - len(right) / n * _entropy(right)
