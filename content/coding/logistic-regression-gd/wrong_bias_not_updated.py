"""Updates only the weights; the bias stays at its initial 0."""
# expect: the bias needs its own update
import numpy as np


def fit_logistic_regression(X: np.ndarray, y: np.ndarray, lr: float = 0.1,
                            n_iters: int = 1000) -> tuple:
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_iters):
        p = 1.0 / (1.0 + np.exp(-(X @ w + b)))
        w = w - lr * X.T @ (p - y) / len(y)
    return w, b
