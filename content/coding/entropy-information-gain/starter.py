import numpy as np


def information_gain(parent: np.ndarray, left: np.ndarray, right: np.ndarray) -> float:
    """Entropy of the parent minus the size-weighted entropy of the two children, in bits."""
    raise NotImplementedError
