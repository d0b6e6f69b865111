"""Computes the output size as (H + 2p - k) // stride, forgetting the + 1."""
# expect: H_out = floor
import numpy as np


def conv2d(x, w, b=None, stride=1, padding=0):
    x = np.asarray(x, float)
    if x.ndim == 2:
        x = x[None]
    w = np.asarray(w, float)
    c_out, c_in, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
    ho, wo = (xp.shape[1] - kh) // stride, (xp.shape[2] - kw) // stride
    out = np.zeros((c_out, ho, wo))
    for r in range(ho):
        for c in range(wo):
            patch = xp[:, r * stride:r * stride + kh, c * stride:c * stride + kw]
            out[:, r, c] = np.tensordot(w, patch, axes=3)
    if b is not None:
        out += np.asarray(b)[:, None, None]
    return out
