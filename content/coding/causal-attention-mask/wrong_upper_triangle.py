"""Builds the mask with np.triu, so each token attends to the FUTURE instead of the past."""
# expect: future tokens (j > i) must get weight exactly 0
import numpy as np


def causal_attention(Q, K, V):
    L = Q.shape[0]
    mask = np.triu(np.ones((L, L), dtype=bool))
    s = np.where(mask, Q @ K.T / np.sqrt(Q.shape[1]), -np.inf)
    w = np.exp(s - s.max(axis=1, keepdims=True))
    w /= w.sum(axis=1, keepdims=True)
    return w @ V, w
