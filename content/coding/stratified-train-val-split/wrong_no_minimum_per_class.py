"""Rounds each class's validation count without keeping at least one sample on each side."""
# expect: appear in both
import numpy as np


def stratified_split(y, val_fraction, seed):
    y = np.asarray(y)
    rng = np.random.default_rng(seed)
    val = []
    for label in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == label))
        val.extend(members[: int(np.floor(val_fraction * len(members) + 0.5))].tolist())
    val = np.sort(np.array(val, dtype=int))
    train = np.setdiff1d(np.arange(len(y)), val)
    return train, val
