import numpy as np


def split_heads(x: np.ndarray, n_heads: int, merge: bool = False) -> np.ndarray:
    """Split (B, L, D) into heads (B, H, L, D/H); with merge=True, the inverse."""
    x = np.asarray(x)
    if merge:
        batch, heads, length, head_dim = x.shape
        if heads != n_heads:
            raise ValueError(f"expected {n_heads} heads on axis 1, got {heads}")
        # Bring the head axis next to the feature axis, so each token's heads sit side by side.
        return x.transpose(0, 2, 1, 3).reshape(batch, length, heads * head_dim)
    batch, length, dim = x.shape
    if dim % n_heads != 0:
        raise ValueError(f"model dimension {dim} is not divisible by n_heads={n_heads}")
    # Reshape keeps each token's features together (head h gets a contiguous block);
    # the transpose then moves the head axis in front of the sequence axis.
    return x.reshape(batch, length, n_heads, dim // n_heads).transpose(0, 2, 1, 3)
