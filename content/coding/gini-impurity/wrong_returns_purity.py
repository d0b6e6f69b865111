"""Returns sum(p_k^2), the probability that two draws AGREE, forgetting the '1 -'."""
# expect: not sum p_k^2
import numpy as np


def gini_impurity(labels: np.ndarray) -> float:
    labels = np.asarray(labels)
    if labels.size == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    return float(np.sum((counts / labels.size) ** 2))
