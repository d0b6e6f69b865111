import numpy as np


def _sigmoid(z: np.ndarray) -> np.ndarray:
    e = np.exp(-np.abs(z))  # never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def fit_logistic_regression(X: np.ndarray, y: np.ndarray, lr: float = 0.1,
                            n_iters: int = 1000) -> tuple:
    """Batch gradient descent on the mean log loss from w = 0, b = 0; returns (w, b)."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_iters):
        error = _sigmoid(X @ w + b) - y  # d(loss)/d(logit) for each sample
        w, b = w - lr * (X.T @ error) / n, b - lr * error.mean()
    return w, float(b)
