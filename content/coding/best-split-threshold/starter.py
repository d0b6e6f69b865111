import numpy as np


def best_split(x: np.ndarray, y: np.ndarray) -> tuple:
    """Best threshold on one numeric feature by Gini decrease; returns (threshold, gain)."""
    raise NotImplementedError
