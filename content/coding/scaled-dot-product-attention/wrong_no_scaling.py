"""Forgets to divide the scores by sqrt(d_k), so the softmax is too peaked."""
# expect: sqrt(d_k)
import numpy as np


def attention(Q, K, V, mask=None):
    scores = np.asarray(Q) @ np.swapaxes(np.asarray(K), -1, -2)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    w = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    return w @ V, w
