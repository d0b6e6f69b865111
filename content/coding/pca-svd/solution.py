import numpy as np


def pca(X: np.ndarray, k: int) -> tuple:
    """PCA via SVD of the centred data; return (components, explained_variance_ratio, projected)."""
    X = np.asarray(X, dtype=np.float64)
    centred = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    components = vt[:k].copy()
    # Singular vectors are only defined up to sign; fix it so results are reproducible.
    biggest = np.argmax(np.abs(components), axis=1)
    signs = np.sign(components[np.arange(k), biggest])
    components *= signs[:, None]
    # Variance along a component is s^2 / (N - 1); the common factor cancels in the ratio.
    variance = s ** 2
    ratio = variance[:k] / variance.sum()
    return components, ratio, centred @ components.T
