"""Samples proportionally to the distance D(x) instead of the squared distance D(x)^2."""
# expect: SQUARED distance
import numpy as np


def kmeans_plus_plus(X: np.ndarray, k: int, seed: int = 0) -> np.ndarray:
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    idx = [int(rng.integers(len(X)))]
    d = np.linalg.norm(X - X[idx[0]], axis=1)
    for _ in range(1, k):
        idx.append(int(rng.choice(len(X), p=d / d.sum())))
        d = np.minimum(d, np.linalg.norm(X - X[idx[-1]], axis=1))
    return X[idx]
