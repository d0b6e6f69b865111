"""Treats p as the probability of keeping an entry instead of dropping it."""
# expect: keep rate
import numpy as np


def dropout(x, p, seed, training=True):
    x = np.asarray(x, dtype=np.float64)
    if not training or p == 0.0:
        return x.copy(), np.ones_like(x)
    mask = (np.random.default_rng(seed).random(x.shape) < p).astype(float)
    return x * mask / p, mask
