"""Zeros the dropped entries but forgets to scale the kept ones by 1 / (1 - p)."""
# expect: 1/(1-p)
import numpy as np


def dropout(x, p, seed, training=True):
    x = np.asarray(x, dtype=np.float64)
    if not training:
        return x.copy(), np.ones_like(x)
    mask = (np.random.default_rng(seed).random(x.shape) >= p).astype(float)
    return x * mask, mask
