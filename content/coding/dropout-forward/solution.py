import numpy as np


def dropout(x: np.ndarray, p: float, seed: int, training: bool = True) -> tuple:
    """Inverted dropout: return (out, mask) with kept entries scaled by 1 / (1 - p) in training."""
    x = np.asarray(x, dtype=np.float64)
    if not training or p == 0.0:
        return x.copy(), np.ones_like(x)
    rng = np.random.default_rng(seed)
    mask = (rng.random(x.shape) >= p).astype(np.float64)  # keep with probability 1 - p
    # Scaling at training time keeps E[out] = x, so inference needs no change at all.
    return x * mask / (1.0 - p), mask
