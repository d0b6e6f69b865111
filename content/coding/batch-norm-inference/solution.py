import numpy as np


def batch_norm_inference(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, running_mean: np.ndarray, running_var: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    """Eval-mode batch norm: normalise each feature with the given running statistics."""
    x = np.asarray(x, dtype=np.float64)
    # At inference the layer is a fixed per-feature affine map: each example is transformed
    # on its own, independently of whatever else is in the batch.
    scale = gamma / np.sqrt(running_var + eps)
    return (x - running_mean) * scale + beta
