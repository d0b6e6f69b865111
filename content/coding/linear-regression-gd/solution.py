import numpy as np


def fit_linear_regression_gd(X: np.ndarray, y: np.ndarray, lr: float = 0.01,
                             n_iters: int = 1000) -> tuple:
    """Batch gradient descent on the mean squared error from w = 0, b = 0; returns (w, b)."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_iters):
        residual = X @ w + b - y
        # d/dw of mean(residual^2) is (2/n) X^T residual; the 2 comes from the square.
        w, b = w - lr * 2.0 * (X.T @ residual) / n, b - lr * 2.0 * residual.mean()
    return w, float(b)
