"""Weights points by their squared distance to the most recent centroid, not the nearest one."""
# expect: NEAREST centroid chosen so far
import numpy as np


def kmeans_plus_plus(X: np.ndarray, k: int, seed: int = 0) -> np.ndarray:
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    idx = [int(rng.integers(len(X)))]
    for _ in range(1, k):
        d2 = ((X - X[idx[-1]]) ** 2).sum(axis=1)
        idx.append(int(rng.choice(len(X), p=d2 / d2.sum())))
    return X[idx]
