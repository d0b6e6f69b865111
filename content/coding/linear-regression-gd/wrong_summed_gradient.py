"""Sums the gradient over samples instead of averaging, so the step grows with N and diverges."""
# expect: divide by n
import numpy as np


def fit_linear_regression_gd(X: np.ndarray, y: np.ndarray, lr: float = 0.01,
                             n_iters: int = 1000) -> tuple:
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_iters):
        r = X @ w + b - y
        w, b = w - lr * 2 * X.T @ r, b - lr * 2 * r.sum()
    return w, b
