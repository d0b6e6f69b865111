"""Puts all the sines in the first half of the columns and all the cosines in the second half."""
# expect: interleave
import numpy as np


def sinusoidal_positional_encoding(seq_len, d_model, base=10000.0):
    pos = np.arange(seq_len)[:, None]
    angles = pos / base ** (np.arange(0, d_model, 2) / d_model)
    return np.concatenate([np.sin(angles), np.cos(angles)], axis=1)
