"""Takes the log of a (max-shifted) softmax, which is -inf when a probability rounds to 0."""
# expect: log-sum-exp(z) - z[y]
import numpy as np


def cross_entropy(logits: np.ndarray, labels: np.ndarray) -> float:
    z = np.asarray(logits, dtype=np.float64)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=1, keepdims=True)
    return float(-np.mean(np.log(probs[np.arange(len(labels)), labels])))
