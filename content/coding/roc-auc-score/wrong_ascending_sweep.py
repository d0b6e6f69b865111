"""Builds the ROC curve sorting scores from low to high, so it measures the reversed ranking."""
# expect: wrong direction
import numpy as np


def roc_auc(y_true: np.ndarray, scores: np.ndarray) -> float:
    y = np.asarray(y_true).astype(bool)
    if y.all() or not y.any():
        raise ValueError("need both classes")
    order = np.argsort(scores)
    tpr = np.concatenate([[0.0], np.cumsum(y[order]) / y.sum()])
    fpr = np.concatenate([[0.0], np.cumsum(~y[order]) / (~y).sum()])
    return float(np.sum((fpr[1:] - fpr[:-1]) * (tpr[1:] + tpr[:-1]) / 2))
