import numpy as np


def gradient_check(A: np.ndarray, b: np.ndarray, w: np.ndarray, claimed_grad: np.ndarray, h: float = 1e-5) -> tuple:
    """Central-difference gradient of f(w) = 0.5 w^T A w + b^T w and its relative error to claimed_grad."""
    raise NotImplementedError
