import numpy as np


def momentum_sgd_step(w: np.ndarray, grad: np.ndarray, velocity: np.ndarray, lr: float = 0.01, mu: float = 0.9) -> tuple:
    """One SGD-with-momentum step: v = mu * v - lr * grad, w = w + v; return (w, v)."""
    w = np.asarray(w, dtype=np.float64)
    new_velocity = mu * np.asarray(velocity, dtype=np.float64) - lr * np.asarray(grad, dtype=np.float64)
    # The parameters move by the *updated* velocity, which already includes this step's gradient.
    return w + new_velocity, new_velocity
