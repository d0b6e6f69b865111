"""Solves least squares on X alone, forcing the line through the origin and returning b = 0."""
# expect: add a column of ones
import numpy as np


def fit_linear_regression(X: np.ndarray, y: np.ndarray) -> tuple:
    coef, *_ = np.linalg.lstsq(np.asarray(X, dtype=float), np.asarray(y, dtype=float), rcond=None)
    return coef, 0.0
