"""Uses half the mean squared error, 1/(2N) * sum r^2, instead of the stated MSE."""
# expect: no 1/2 factor
import numpy as np


def ridge_loss_and_grad(X, y, w, b, lam):
    r = X @ w + b - y
    n = len(y)
    loss = 0.5 * np.mean(r ** 2) + 0.5 * lam * w @ w
    return float(loss), X.T @ r / n + lam * w, float(r.sum() / n)
