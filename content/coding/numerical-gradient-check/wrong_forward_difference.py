"""Uses the forward difference (f(w + h e_i) - f(w)) / h instead of the central difference."""
# expect: central difference
import numpy as np


def gradient_check(A, b, w, claimed_grad, h=1e-5):
    f = lambda v: 0.5 * v @ A @ v + b @ v
    w = np.asarray(w, dtype=float)
    num = np.zeros_like(w)
    for i in range(w.size):
        e = np.zeros_like(w)
        e[i] = h
        num[i] = (f(w + e) - f(w)) / h
    denom = max(np.linalg.norm(num) + np.linalg.norm(claimed_grad), 1e-12)
    return num, float(np.linalg.norm(num - claimed_grad) / denom)
