"""Normalises over the whole array instead of along the requested axis."""
# expect: should sum to 1
import numpy as np


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    scores = np.asarray(x, dtype=np.float64)
    weights = np.exp(scores - scores.max())
    return weights / weights.sum()
