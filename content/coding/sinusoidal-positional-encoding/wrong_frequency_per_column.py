"""Uses the column index j in the exponent, base^(j / d), so sin and cos of a pair get different frequencies."""
# expect: same frequency
import numpy as np


def sinusoidal_positional_encoding(seq_len, d_model, base=10000.0):
    pos = np.arange(seq_len)[:, None]
    j = np.arange(d_model)[None, :]
    angles = pos / base ** (j / d_model)
    return np.where(j % 2 == 0, np.sin(angles), np.cos(angles))
