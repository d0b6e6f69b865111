"""Uses 1 / (1 + exp(-x)) everywhere: exp(-x) overflows for x < -709 and the tail becomes 0."""
# expect: For x < 0 use exp(x) / (1 + exp(x))
import numpy as np


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=np.float64)))
