"""Uses exp(x) / (1 + exp(x)) everywhere, which is inf / inf = nan for large positive x."""
# expect: use 1 / (1 + exp(-x)) when x >= 0
import numpy as np


def sigmoid(x: np.ndarray) -> np.ndarray:
    e = np.exp(np.asarray(x, dtype=np.float64))
    return e / (1.0 + e)
