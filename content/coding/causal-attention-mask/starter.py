import numpy as np


def causal_attention(Q: np.ndarray, K: np.ndarray, V: np.ndarray) -> tuple:
    """Single-head self-attention; token i sees only tokens 0..i. Returns (output, weights)."""
    raise NotImplementedError
