import numpy as np


def ridge_loss_and_grad(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float, lam: float) -> tuple:
    """MSE plus (lam / 2) * ||w||^2 for a linear model; return (loss, grad_w, grad_b)."""
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    residual = X @ w + b - np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    loss = np.mean(residual ** 2) + 0.5 * lam * np.dot(w, w)
    grad_w = (2.0 / n) * (X.T @ residual) + lam * w
    grad_b = (2.0 / n) * residual.sum()  # the bias is not penalised
    return float(loss), grad_w, float(grad_b)
