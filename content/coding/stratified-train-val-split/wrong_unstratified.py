"""Shuffles all indices together and cuts once, ignoring the classes."""
# expect: class proportions
import numpy as np


def stratified_split(y, val_fraction, seed):
    n = len(y)
    perm = np.random.default_rng(seed).permutation(n)
    n_val = int(np.floor(val_fraction * n + 0.5))
    return np.sort(perm[n_val:]), np.sort(perm[:n_val])
