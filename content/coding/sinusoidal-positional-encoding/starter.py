import numpy as np


def sinusoidal_positional_encoding(seq_len: int, d_model: int, base: float = 10000.0) -> np.ndarray:
    """The Transformer sin/cos positional-encoding table of shape (seq_len, d_model), d_model even."""
    raise NotImplementedError
