import numpy as np


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """Probabilities along `axis`: non-negative, summing to 1, stable for large scores."""
    scores = np.asarray(x, dtype=np.float64)
    # Subtracting the largest score per slice leaves the result unchanged and keeps every
    # exponent <= 0, so exp() cannot overflow and at least one term per slice is exactly 1.
    shifted = scores - scores.max(axis=axis, keepdims=True)
    weights = np.exp(shifted)
    return weights / weights.sum(axis=axis, keepdims=True)
