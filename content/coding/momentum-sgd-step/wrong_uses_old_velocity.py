"""Moves the weights with the old velocity and only then updates the velocity."""
# expect: new velocity
import numpy as np


def momentum_sgd_step(w, grad, velocity, lr=0.01, mu=0.9):
    w_new = np.asarray(w, dtype=float) + velocity
    v_new = mu * velocity - lr * grad
    return w_new, v_new
