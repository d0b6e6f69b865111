"""Adds the gradient to the velocity, so the step goes uphill."""
# expect: downhill
import numpy as np


def momentum_sgd_step(w, grad, velocity, lr=0.01, mu=0.9):
    v_new = mu * velocity + lr * grad
    return np.asarray(w, dtype=float) + v_new, v_new
