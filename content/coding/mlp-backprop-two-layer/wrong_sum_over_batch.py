"""Averages the loss but sums the gradients over the batch (drops the 1/N in the backward pass)."""
# expect: mean over the batch
import numpy as np


def mlp_loss_and_grads(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    z1 = X @ W1 + b1
    h = np.maximum(z1, 0)
    logits = h @ W2 + b2
    logits = logits - logits.max(axis=1, keepdims=True)
    log_p = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    p = np.exp(log_p)
    loss = -np.mean(log_p[np.arange(n), y])
    d = p.copy()
    d[np.arange(n), y] -= 1
    dz1 = (d @ W2.T) * (z1 > 0)
    return float(loss), {"W1": X.T @ dz1, "b1": dz1.sum(0), "W2": h.T @ d, "b2": d.sum(0)}
