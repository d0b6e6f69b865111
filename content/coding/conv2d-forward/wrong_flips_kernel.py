"""Flips the kernel (true mathematical convolution) instead of the cross-correlation used in deep learning."""
# expect: do not flip
import numpy as np


def conv2d(x, w, b=None, stride=1, padding=0):
    x = np.asarray(x, float)
    if x.ndim == 2:
        x = x[None]
    w = np.asarray(w, float)[:, :, ::-1, ::-1]
    c_out, c_in, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
    ho, wo = (xp.shape[1] - kh) // stride + 1, (xp.shape[2] - kw) // stride + 1
    out = np.zeros((c_out, ho, wo))
    for r in range(ho):
        for c in range(wo):
            patch = xp[:, r * stride:r * stride + kh, c * stride:c * stride + kw]
            out[:, r, c] = np.tensordot(w, patch, axes=3)
    if b is not None:
        out += np.asarray(b)[:, None, None]
    return out
