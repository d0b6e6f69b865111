import numpy as np


def max_pool2d(x: np.ndarray, kernel_size: int, stride: int = None) -> np.ndarray:
    """Max pooling over the last two axes of x, shaped (H, W) or (C, H, W); stride defaults to kernel_size."""
    x = np.asarray(x)
    k = kernel_size
    s = k if stride is None else stride
    h_out = (x.shape[-2] - k) // s + 1
    w_out = (x.shape[-1] - k) // s + 1
    out = None
    # Each kernel offset (i, j) gives one strided view holding that position of every window;
    # the running maximum starts from a real value, never from 0, so negative inputs work.
    for i in range(k):
        for j in range(k):
            view = x[..., i:i + s * (h_out - 1) + 1:s, j:j + s * (w_out - 1) + 1:s]
            out = view.copy() if out is None else np.maximum(out, view)
    return out
