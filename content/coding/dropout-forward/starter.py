import numpy as np


def dropout(x: np.ndarray, p: float, seed: int, training: bool = True) -> tuple:
    """Inverted dropout: return (out, mask) with kept entries scaled by 1 / (1 - p) in training."""
    raise NotImplementedError
