"""Indexes z[:, labels] instead of one entry per row, mixing every sample with every label."""
# expect: z[np.arange(N), labels]
import numpy as np


def cross_entropy(logits: np.ndarray, labels: np.ndarray) -> float:
    z = np.asarray(logits, dtype=np.float64)
    m = z.max(axis=1, keepdims=True)
    lse = m + np.log(np.exp(z - m).sum(axis=1, keepdims=True))
    return float(np.mean(lse - z[:, labels]))
