import numpy as np


def max_pool2d(x: np.ndarray, kernel_size: int, stride: int = None) -> np.ndarray:
    """Max pooling over the last two axes of x, shaped (H, W) or (C, H, W); stride defaults to kernel_size."""
    raise NotImplementedError
