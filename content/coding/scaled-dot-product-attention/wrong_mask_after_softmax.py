"""Zeroes masked weights after the softmax without renormalising, so rows no longer sum to 1."""
# expect: BEFORE softmax
import numpy as np


def attention(Q, K, V, mask=None):
    scores = np.asarray(Q) @ np.swapaxes(np.asarray(K), -1, -2) / np.sqrt(np.shape(Q)[-1])
    w = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    if mask is not None:
        w = w * mask
    return w @ V, w
