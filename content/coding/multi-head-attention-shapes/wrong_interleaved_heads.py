"""Splits the feature axis as (D/H, H), so each head gets every H-th feature instead of a block."""
# expect: contiguous block
import numpy as np


def split_heads(x, n_heads, merge=False):
    x = np.asarray(x)
    if merge:
        b, h, length, dh = x.shape
        if h != n_heads:
            raise ValueError("wrong number of heads")
        return x.transpose(0, 2, 3, 1).reshape(b, length, h * dh)
    b, length, d = x.shape
    if d % n_heads:
        raise ValueError("D not divisible by n_heads")
    return x.reshape(b, length, d // n_heads, n_heads).transpose(0, 3, 1, 2)
