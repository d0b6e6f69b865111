import numpy as np


def precision_recall_f1(y_true: np.ndarray, y_pred: np.ndarray) -> tuple:
    """Binary precision, recall and F1 for positive class 1; any 0/0 is reported as 0.0."""
    raise NotImplementedError
