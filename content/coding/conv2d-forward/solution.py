import numpy as np


def conv2d(x: np.ndarray, w: np.ndarray, b: np.ndarray = None, stride: int = 1, padding: int = 0) -> np.ndarray:
    """2-D cross-correlation of x (C_in, H, W) or (H, W) with kernels w (C_out, C_in, kH, kW)."""
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 2:
        x = x[None]  # a single-channel image
    w = np.asarray(w, dtype=np.float64)
    c_out, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
    h_out = (xp.shape[1] - kh) // stride + 1
    w_out = (xp.shape[2] - kw) // stride + 1
    out = np.zeros((c_out, h_out, w_out))
    # Loop over the kH * kW kernel offsets only: each offset contributes one strided view of
    # the padded input, mixed over the input channels by a (C_out, C_in) matrix.
    for i in range(kh):
        for j in range(kw):
            window = xp[:, i:i + stride * (h_out - 1) + 1:stride, j:j + stride * (w_out - 1) + 1:stride]
            out += np.einsum("oc,chw->ohw", w[:, :, i, j], window)
    if b is not None:
        out += np.asarray(b, dtype=np.float64)[:, None, None]
    return out
