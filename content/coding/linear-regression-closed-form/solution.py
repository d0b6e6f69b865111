import numpy as np


def fit_linear_regression(X: np.ndarray, y: np.ndarray) -> tuple:
    """Ordinary least squares with an intercept; returns (w, b)."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    design = np.hstack([X, np.ones((X.shape[0], 1))])  # last column carries the intercept
    # lstsq solves the least-squares problem via an SVD, without forming inv(X^T X), whose
    # condition number is the square of the design matrix's.
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    return coef[:-1], float(coef[-1])
