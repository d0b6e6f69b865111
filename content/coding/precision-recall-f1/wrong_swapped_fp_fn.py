"""Mixes up false positives and false negatives, so precision and recall come out swapped."""
# expect: precision = TP / (TP + FP)
import numpy as np


def precision_recall_f1(y_true: np.ndarray, y_pred: np.ndarray) -> tuple:
    t, p = np.asarray(y_true).astype(bool), np.asarray(y_pred).astype(bool)
    tp = np.sum(t & p)
    fp = np.sum(t & ~p)
    fn = np.sum(~t & p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(precision), float(recall), float(f1)
