"""Has no special case for an empty array, where the empty sum makes it return 1.0."""
# expect: handle N = 0
import numpy as np


def gini_impurity(labels: np.ndarray) -> float:
    labels = np.asarray(labels)
    _, counts = np.unique(labels, return_counts=True)
    p = counts / len(labels)
    return float(1.0 - np.sum(p ** 2))
