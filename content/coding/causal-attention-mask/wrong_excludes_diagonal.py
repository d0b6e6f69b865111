"""Uses a strictly lower-triangular mask: no token attends to itself and row 0 becomes nan."""
# expect: attend to itself
import numpy as np


def causal_attention(Q, K, V):
    L = Q.shape[0]
    mask = np.tril(np.ones((L, L), dtype=bool), k=-1)
    s = np.where(mask, Q @ K.T / np.sqrt(Q.shape[1]), -np.inf)
    w = np.exp(s - s.max(axis=1, keepdims=True))
    w /= w.sum(axis=1, keepdims=True)
    return w @ V, w
