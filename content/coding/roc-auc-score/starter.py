import numpy as np


def roc_auc(y_true: np.ndarray, scores: np.ndarray) -> float:
    """ROC-AUC = P(score of a random positive > score of a random negative), ties count 1/2."""
    raise NotImplementedError
