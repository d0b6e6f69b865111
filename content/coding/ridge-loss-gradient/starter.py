import numpy as np


def ridge_loss_and_grad(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float, lam: float) -> tuple:
    """MSE plus (lam / 2) * ||w||^2 for a linear model; return (loss, grad_w, grad_b)."""
    raise NotImplementedError
