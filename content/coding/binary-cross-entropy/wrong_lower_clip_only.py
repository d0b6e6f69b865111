"""Guards only log(p) with max(p, eps), so log(1 - p) still blows up when p = 1."""
# expect: clip the upper end
import numpy as np


def binary_cross_entropy(y_true: np.ndarray, y_prob: np.ndarray, eps: float = 1e-12) -> float:
    y = np.asarray(y_true, dtype=np.float64)
    p = np.maximum(np.asarray(y_prob, dtype=np.float64), eps)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
