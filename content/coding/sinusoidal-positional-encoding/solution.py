import numpy as np


def sinusoidal_positional_encoding(seq_len: int, d_model: int, base: float = 10000.0) -> np.ndarray:
    """The Transformer sin/cos positional-encoding table of shape (seq_len, d_model), d_model even."""
    positions = np.arange(seq_len, dtype=np.float64)[:, None]           # (L, 1)
    pair_index = np.arange(0, d_model, 2, dtype=np.float64)              # 2i for i = 0 .. D/2 - 1
    angles = positions / base ** (pair_index / d_model)                  # (L, D/2)
    table = np.empty((seq_len, d_model), dtype=np.float64)
    # Each sin/cos pair shares one frequency, so a shift in position acts on the pair as a rotation.
    table[:, 0::2] = np.sin(angles)
    table[:, 1::2] = np.cos(angles)
    return table
