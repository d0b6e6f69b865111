import numpy as np


def psi(expected: np.ndarray, actual: np.ndarray, n_bins: int = 10, eps: float = 1e-4) -> float:
    """Population stability index of `actual` against `expected`, with quantile bins from `expected`."""
    raise NotImplementedError
