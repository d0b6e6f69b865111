"""Regularises the bias together with the weights."""
# expect: bias must not be regularised
import numpy as np


def ridge_loss_and_grad(X, y, w, b, lam):
    r = X @ w + b - y
    n = len(y)
    loss = np.mean(r ** 2) + 0.5 * lam * (w @ w + b * b)
    return float(loss), 2 * X.T @ r / n + lam * w, float(2 * r.sum() / n + lam * b)
