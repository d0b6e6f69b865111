import numpy as np


def momentum_sgd_step(w: np.ndarray, grad: np.ndarray, velocity: np.ndarray, lr: float = 0.01, mu: float = 0.9) -> tuple:
    """One SGD-with-momentum step: v = mu * v - lr * grad, w = w + v; return (w, v)."""
    raise NotImplementedError
