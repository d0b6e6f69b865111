import numpy as np


def gradient_check(A: np.ndarray, b: np.ndarray, w: np.ndarray, claimed_grad: np.ndarray, h: float = 1e-5) -> tuple:
    """Central-difference gradient of f(w) = 0.5 w^T A w + b^T w and its relative error to claimed_grad."""
    A = np.asarray(A, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    claimed = np.asarray(claimed_grad, dtype=np.float64)

    def f_rows(W):
        # f evaluated at every row of W at once: 0.5 * w^T A w + b^T w per row.
        return 0.5 * np.einsum("ij,jk,ik->i", W, A, W) + W @ b

    steps = h * np.eye(w.size)
    # Central differences cancel the second-order term, so for a quadratic they are exact
    # up to rounding, whatever h is; forward differences would be off by h/2 * A_ii.
    numerical = (f_rows(w + steps) - f_rows(w - steps)) / (2.0 * h)
    scale = np.linalg.norm(numerical) + np.linalg.norm(claimed)
    rel_error = np.linalg.norm(numerical - claimed) / max(scale, 1e-12)
    return numerical, float(rel_error)
