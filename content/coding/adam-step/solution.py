import numpy as np


def adam_step(w: np.ndarray, grad: np.ndarray, m: np.ndarray, v: np.ndarray, t: int, lr: float = 1e-3, betas: tuple = (0.9, 0.999), eps: float = 1e-8) -> tuple:
    """One Adam update at step t (t starts at 1) with bias correction; return (w, m, v)."""
    beta1, beta2 = betas
    grad = np.asarray(grad, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1.0 - beta1) * grad
    v = beta2 * np.asarray(v, dtype=np.float64) + (1.0 - beta2) * grad ** 2
    # m and v start at zero, so early on they are biased towards zero; dividing by
    # 1 - beta^t undoes that bias. Only the update uses the corrected values.
    m_hat = m / (1.0 - beta1 ** t)
    v_hat = v / (1.0 - beta2 ** t)
    w = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v
