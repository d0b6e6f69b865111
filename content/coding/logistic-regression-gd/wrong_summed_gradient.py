"""Sums the gradient over samples instead of averaging it, so every step is n times too big."""
# expect: divide X.T @ (p - y) by n
import numpy as np


def fit_logistic_regression(X: np.ndarray, y: np.ndarray, lr: float = 0.1,
                            n_iters: int = 1000) -> tuple:
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_iters):
        p = 1.0 / (1.0 + np.exp(-(X @ w + b)))
        w, b = w - lr * X.T @ (p - y), b - lr * np.sum(p - y)
    return w, b
