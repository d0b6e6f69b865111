import numpy as np


def _nearest(X: np.ndarray, centroids: np.ndarray) -> np.ndarray:
    # Squared distances via broadcasting, shape (N, K); argmin picks the lowest index on ties.
    d2 = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return d2.argmin(axis=1)


def kmeans(X: np.ndarray, init_centroids: np.ndarray, max_iter: int = 100) -> tuple:
    """Lloyd's k-means from the given centroids; returns (centroids, labels)."""
    X = np.asarray(X, dtype=np.float64)
    centroids = np.array(init_centroids, dtype=np.float64)  # a copy: never edit the caller's
    k = centroids.shape[0]
    labels = _nearest(X, centroids)
    for _ in range(max_iter):
        counts = np.bincount(labels, minlength=k)
        sums = np.zeros_like(centroids)
        np.add.at(sums, labels, X)
        filled = counts > 0
        # An empty cluster keeps its previous centroid instead of becoming 0/0 = nan.
        centroids[filled] = sums[filled] / counts[filled, None]
        new_labels = _nearest(X, centroids)
        if np.array_equal(new_labels, labels):
            break
        labels = new_labels
    return centroids, labels
