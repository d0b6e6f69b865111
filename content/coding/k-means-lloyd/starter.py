import numpy as np


def kmeans(X: np.ndarray, init_centroids: np.ndarray, max_iter: int = 100) -> tuple:
    """Lloyd's k-means from the given centroids; returns (centroids, labels)."""
    raise NotImplementedError
