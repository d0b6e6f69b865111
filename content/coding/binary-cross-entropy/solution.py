import numpy as np


def binary_cross_entropy(y_true: np.ndarray, y_prob: np.ndarray, eps: float = 1e-12) -> float:
    """Mean binary cross-entropy of predicted probabilities, clipped to [eps, 1 - eps]."""
    y = np.asarray(y_true, dtype=np.float64)
    # Clipping both ends keeps log(p) and log(1 - p) finite, and avoids 0 * log(0) = nan.
    p = np.clip(np.asarray(y_prob, dtype=np.float64), eps, 1.0 - eps)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))
