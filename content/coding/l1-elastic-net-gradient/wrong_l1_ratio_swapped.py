"""Weights the L2 part by l1_ratio and the L1 part by 1 - l1_ratio (mixing weights swapped)."""
# expect: l1_ratio
import numpy as np


def elastic_net_loss_and_grad(X, y, w, b, lam, l1_ratio):
    r = X @ w + b - y
    n = len(y)
    loss = np.mean(r ** 2) + lam * ((1 - l1_ratio) * np.abs(w).sum() + 0.5 * l1_ratio * w @ w)
    grad_w = 2 * X.T @ r / n + lam * ((1 - l1_ratio) * np.sign(w) + l1_ratio * w)
    return float(loss), grad_w, float(2 * r.sum() / n)
