"""Uses the gradient of half the MSE, (1/n) X^T r, so every step is half as long as it should be."""
# expect: a factor of 2 is missing
import numpy as np


def fit_linear_regression_gd(X: np.ndarray, y: np.ndarray, lr: float = 0.01,
                             n_iters: int = 1000) -> tuple:
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_iters):
        r = X @ w + b - y
        w, b = w - lr * X.T @ r / len(y), b - lr * r.mean()
    return w, b
