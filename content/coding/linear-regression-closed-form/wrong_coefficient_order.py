"""Prepends the column of ones but then reads the LAST coefficient as the intercept."""
# expect: check which coefficient belongs to the column of ones
import numpy as np


def fit_linear_regression(X: np.ndarray, y: np.ndarray) -> tuple:
    X = np.asarray(X, dtype=float)
    A = np.hstack([np.ones((X.shape[0], 1)), X])
    coef = np.linalg.solve(A.T @ A, A.T @ np.asarray(y, dtype=float))
    return coef[:-1], float(coef[-1])
