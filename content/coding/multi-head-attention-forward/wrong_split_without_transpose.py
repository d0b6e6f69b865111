"""Splits heads with a bare reshape to (B, H, L, d_h), so each head mixes different tokens."""
# expect: without a transpose
import numpy as np


def multi_head_attention(x, Wq, Wk, Wv, Wo, n_heads):
    B, L, D = x.shape
    dh = D // n_heads
    q, k, v = ((x @ W).reshape(B, n_heads, L, dh) for W in (Wq, Wk, Wv))
    s = q @ k.swapaxes(-1, -2) / np.sqrt(dh)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    return (w @ v).reshape(B, L, D) @ Wo
