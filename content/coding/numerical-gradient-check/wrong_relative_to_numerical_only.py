"""Divides the error by the norm of the numerical gradient only, which is not the stated formula and gives nan when it is 0."""
# expect: relative error is
import numpy as np


def gradient_check(A, b, w, claimed_grad, h=1e-5):
    f = lambda v: 0.5 * v @ A @ v + b @ v
    w = np.asarray(w, dtype=float)
    num = np.zeros_like(w)
    for i in range(w.size):
        e = np.zeros_like(w)
        e[i] = h
        num[i] = (f(w + e) - f(w - e)) / (2 * h)
    return num, float(np.linalg.norm(num - claimed_grad) / np.linalg.norm(num))
