import numpy as np


def kmeans_plus_plus(X: np.ndarray, k: int, seed: int = 0) -> np.ndarray:
    """k-means++ seeding: k rows of X, each next one drawn with probability ~ D(x)^2."""
    raise NotImplementedError
