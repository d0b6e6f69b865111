import numpy as np


def gini_impurity(labels: np.ndarray) -> float:
    """Gini impurity 1 - sum_k p_k^2 of a label array; 0.0 for an empty array."""
    labels = np.asarray(labels)
    if labels.size == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / labels.size
    return float(1.0 - np.sum(p * p))
