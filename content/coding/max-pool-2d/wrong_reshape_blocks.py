"""Pools non-overlapping k x k blocks with a reshape, which ignores the stride argument."""
# expect: stride
import numpy as np


def max_pool2d(x, kernel_size, stride=None):
    x = np.asarray(x)
    k = kernel_size
    h, w = x.shape[-2] // k, x.shape[-1] // k
    x = x[..., :h * k, :w * k]
    blocks = x.reshape(x.shape[:-2] + (h, k, w, k))
    return blocks.max(axis=(-3, -1))
