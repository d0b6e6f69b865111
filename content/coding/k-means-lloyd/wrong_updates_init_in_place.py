"""Uses np.asarray on the initial centroids (no copy) and updates them in place."""
# expect: init_centroids was changed in place
import numpy as np


def kmeans(X: np.ndarray, init_centroids: np.ndarray, max_iter: int = 100) -> tuple:
    X = np.asarray(X, dtype=float)
    C = np.asarray(init_centroids, dtype=float)
    labels = ((X[:, None] - C[None]) ** 2).sum(-1).argmin(1)
    for _ in range(max_iter):
        for j in range(len(C)):
            if np.any(labels == j):
                C[j] = X[labels == j].mean(axis=0)
        new = ((X[:, None] - C[None]) ** 2).sum(-1).argmin(1)
        if np.array_equal(new, labels):
            break
        labels = new
    return C, labels
