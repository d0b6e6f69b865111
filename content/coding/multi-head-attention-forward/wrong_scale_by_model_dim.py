"""Scales every head's scores by sqrt(D) instead of sqrt(D / n_heads)."""
# expect: sqrt(D / n_heads)
import numpy as np


def multi_head_attention(x, Wq, Wk, Wv, Wo, n_heads):
    B, L, D = x.shape
    dh = D // n_heads

    def split(t):
        return t.reshape(B, L, n_heads, dh).transpose(0, 2, 1, 3)

    q, k, v = split(x @ Wq), split(x @ Wk), split(x @ Wv)
    s = q @ k.swapaxes(-1, -2) / np.sqrt(D)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    return (w @ v).transpose(0, 2, 1, 3).reshape(B, L, D) @ Wo
