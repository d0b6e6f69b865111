import numpy as np


def elastic_net_loss_and_grad(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float, lam: float, l1_ratio: float) -> tuple:
    """MSE plus the elastic-net penalty on w; return (loss, subgradient_w, grad_b)."""
    raise NotImplementedError
