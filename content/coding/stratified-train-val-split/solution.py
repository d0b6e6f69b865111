import numpy as np


def stratified_split(y: np.ndarray, val_fraction: float, seed: int) -> tuple:
    """Split sample indices into (train_idx, val_idx), keeping each class's share in validation."""
    y = np.asarray(y)
    rng = np.random.default_rng(seed)
    val_parts = []
    for label in np.unique(y):
        members = np.flatnonzero(y == label)
        n = members.size
        if n < 2:
            continue  # a class seen once can only go to train
        n_val = int(np.floor(val_fraction * n + 0.5))
        # Keep at least one example on each side so every class is both learned and evaluated.
        n_val = min(max(n_val, 1), n - 1)
        val_parts.append(rng.permutation(members)[:n_val])
    val_idx = np.sort(np.concatenate(val_parts)) if val_parts else np.array([], dtype=np.int64)
    is_val = np.zeros(y.shape[0], dtype=bool)
    is_val[val_idx] = True
    return np.flatnonzero(~is_val).astype(np.int64), val_idx.astype(np.int64)
