import numpy as np


def adam_step(w: np.ndarray, grad: np.ndarray, m: np.ndarray, v: np.ndarray, t: int, lr: float = 1e-3, betas: tuple = (0.9, 0.999), eps: float = 1e-8) -> tuple:
    """One Adam update at step t (t starts at 1) with bias correction; return (w, m, v)."""
    raise NotImplementedError
