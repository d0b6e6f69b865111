import numpy as np


def attention(Q: np.ndarray, K: np.ndarray, V: np.ndarray, mask: np.ndarray | None = None) -> tuple:
    """softmax(Q K^T / sqrt(d_k) + mask) V over the last two axes; returns (output, weights)."""
    raise NotImplementedError
