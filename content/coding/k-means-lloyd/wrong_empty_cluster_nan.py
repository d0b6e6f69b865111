"""Takes the mean of every cluster unconditionally, so an empty cluster becomes nan."""
# expect: not become the mean of zero points
import numpy as np


def kmeans(X: np.ndarray, init_centroids: np.ndarray, max_iter: int = 100) -> tuple:
    X = np.asarray(X, dtype=float)
    C = np.array(init_centroids, dtype=float)
    labels = ((X[:, None] - C[None]) ** 2).sum(-1).argmin(1)
    for _ in range(max_iter):
        C = np.array([X[labels == j].mean(axis=0) for j in range(len(C))])
        new = ((X[:, None] - C[None]) ** 2).sum(-1).argmin(1)
        if np.array_equal(new, labels):
            break
        labels = new
    return C, labels
