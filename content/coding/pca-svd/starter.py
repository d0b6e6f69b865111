import numpy as np


def pca(X: np.ndarray, k: int) -> tuple:
    """PCA via SVD of the centred data; return (components, explained_variance_ratio, projected)."""
    raise NotImplementedError
