import numpy as np


def causal_attention(Q: np.ndarray, K: np.ndarray, V: np.ndarray) -> tuple:
    """Single-head self-attention; token i sees only tokens 0..i. Returns (output, weights)."""
    Q = np.asarray(Q, dtype=np.float64)
    K = np.asarray(K, dtype=np.float64)
    V = np.asarray(V, dtype=np.float64)
    L = Q.shape[0]
    allowed = np.tril(np.ones((L, L), dtype=bool))  # allowed[i, j] is True exactly when j <= i
    scores = Q @ K.T / np.sqrt(Q.shape[-1])
    scores = np.where(allowed, scores, -np.inf)      # exp(-inf) = 0: the future gets no weight
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ V, weights
