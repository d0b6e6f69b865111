import numpy as np


def split_heads(x: np.ndarray, n_heads: int, merge: bool = False) -> np.ndarray:
    """Split (B, L, D) into heads (B, H, L, D/H); with merge=True, the inverse."""
    raise NotImplementedError
