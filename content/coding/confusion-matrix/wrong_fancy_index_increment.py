"""Uses cm[y_true, y_pred] += 1, which adds only 1 for an index pair that appears several times."""
# expect: counts repeated index pairs only once
import numpy as np


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, num_classes: int) -> np.ndarray:
    cm = np.zeros((num_classes, num_classes), dtype=int)
    cm[np.asarray(y_true), np.asarray(y_pred)] += 1
    return cm
