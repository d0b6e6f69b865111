import numpy as np


def stratified_split(y: np.ndarray, val_fraction: float, seed: int) -> tuple:
    """Split sample indices into (train_idx, val_idx), keeping each class's share in validation."""
    raise NotImplementedError
