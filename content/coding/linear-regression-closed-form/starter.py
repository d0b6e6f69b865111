import numpy as np


def fit_linear_regression(X: np.ndarray, y: np.ndarray) -> tuple:
    """Ordinary least squares with an intercept; returns (w, b)."""
    raise NotImplementedError
