import numpy as np


def sigmoid(x: np.ndarray) -> np.ndarray:
    """Elementwise logistic function 1 / (1 + exp(-x)), without overflow for any finite x."""
    x = np.asarray(x, dtype=np.float64)
    # exp(-|x|) is always in (0, 1], so it cannot overflow. For x >= 0 use 1 / (1 + e^-x);
    # for x < 0 use the equivalent e^x / (1 + e^x), which stays accurate for tiny results.
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
