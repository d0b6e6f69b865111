import numpy as np


def elastic_net_loss_and_grad(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float, lam: float, l1_ratio: float) -> tuple:
    """MSE plus the elastic-net penalty on w; return (loss, subgradient_w, grad_b)."""
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    residual = X @ w + b - np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    penalty = lam * (l1_ratio * np.abs(w).sum() + 0.5 * (1.0 - l1_ratio) * np.dot(w, w))
    loss = np.mean(residual ** 2) + penalty
    # |w_j| has no derivative at 0; np.sign returns 0 there, which is the subgradient we pick.
    grad_w = (2.0 / n) * (X.T @ residual) + lam * (l1_ratio * np.sign(w) + (1.0 - l1_ratio) * w)
    grad_b = (2.0 / n) * residual.sum()
    return float(loss), grad_w, float(grad_b)
