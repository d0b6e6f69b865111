"""Starts the running maximum from zeros, so windows of negative values come out as 0."""
# expect: negative
import numpy as np


def max_pool2d(x, kernel_size, stride=None):
    x = np.asarray(x, dtype=float)
    k = kernel_size
    s = k if stride is None else stride
    ho, wo = (x.shape[-2] - k) // s + 1, (x.shape[-1] - k) // s + 1
    out = np.zeros(x.shape[:-2] + (ho, wo))
    for r in range(ho):
        for c in range(wo):
            for i in range(k):
                for j in range(k):
                    out[..., r, c] = np.maximum(out[..., r, c], x[..., r * s + i, c * s + j])
    return out
