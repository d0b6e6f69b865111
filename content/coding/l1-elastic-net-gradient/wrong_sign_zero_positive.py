"""Uses +1 as the derivative of |w| at w = 0 instead of the stated sign(0) = 0."""
# expect: sign(0) = 0
import numpy as np


def elastic_net_loss_and_grad(X, y, w, b, lam, l1_ratio):
    r = X @ w + b - y
    n = len(y)
    loss = np.mean(r ** 2) + lam * (l1_ratio * np.abs(w).sum() + 0.5 * (1 - l1_ratio) * w @ w)
    sign = np.where(w >= 0, 1.0, -1.0)
    grad_w = 2 * X.T @ r / n + lam * (l1_ratio * sign + (1 - l1_ratio) * w)
    return float(loss), grad_w, float(2 * r.sum() / n)
