"""Reshapes between (B, L, D) and (B, H, L, D/H) with no transpose, mixing tokens across heads."""
# expect: transpose
import numpy as np


def split_heads(x, n_heads, merge=False):
    x = np.asarray(x)
    if merge:
        b, h, length, dh = x.shape
        if h != n_heads:
            raise ValueError("wrong number of heads")
        return x.reshape(b, length, h * dh)
    b, length, d = x.shape
    if d % n_heads:
        raise ValueError("D not divisible by n_heads")
    return x.reshape(b, n_heads, length, d // n_heads)
