import numpy as np


def multi_head_attention(x: np.ndarray, Wq: np.ndarray, Wk: np.ndarray, Wv: np.ndarray,
                         Wo: np.ndarray, n_heads: int) -> np.ndarray:
    """Multi-head self-attention forward pass (no mask, no biases) on x of shape (B, L, D)."""
    x = np.asarray(x, dtype=np.float64)
    batch, length, dim = x.shape
    if dim % n_heads != 0:
        raise ValueError(f"model dimension {dim} is not divisible by n_heads={n_heads}")
    head_dim = dim // n_heads

    def split(t: np.ndarray) -> np.ndarray:
        # (B, L, D) -> (B, L, H, d_h) -> (B, H, L, d_h): head h owns features h*d_h..(h+1)*d_h-1.
        return t.reshape(batch, length, n_heads, head_dim).transpose(0, 2, 1, 3)

    q, k, v = split(x @ Wq), split(x @ Wk), split(x @ Wv)
    scores = q @ k.swapaxes(-1, -2) / np.sqrt(head_dim)  # scale by the HEAD dimension
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    heads = weights @ v                                    # (B, H, L, d_h)
    concat = heads.transpose(0, 2, 1, 3).reshape(batch, length, dim)
    return concat @ Wo
