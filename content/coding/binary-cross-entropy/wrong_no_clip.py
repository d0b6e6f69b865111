"""Takes logs of the raw probabilities, so p = 0 or p = 1 gives inf or nan."""
# expect: clip probabilities to [eps, 1 - eps]
import numpy as np


def binary_cross_entropy(y_true: np.ndarray, y_prob: np.ndarray, eps: float = 1e-12) -> float:
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_prob, dtype=np.float64)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
