import numpy as np


def mlp_loss_and_grads(X: np.ndarray, y: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray) -> tuple:
    """Mean softmax cross-entropy of a ReLU MLP and its gradients: return (loss, {"W1", "b1", "W2", "b2"})."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    n = X.shape[0]
    rows = np.arange(n)

    # Forward pass.
    z1 = X @ W1 + b1
    h = np.maximum(z1, 0.0)
    logits = h @ W2 + b2
    shifted = logits - logits.max(axis=1, keepdims=True)  # stable log-softmax
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[rows, y].mean()

    # Backward pass. For softmax + cross-entropy the logit gradient is p - one_hot(y);
    # the 1/n comes from averaging the loss over the batch.
    d_logits = np.exp(log_probs)
    d_logits[rows, y] -= 1.0
    d_logits /= n
    d_h = d_logits @ W2.T
    d_z1 = d_h * (z1 > 0)  # ReLU passes gradient only where it was active
    grads = {
        "W1": X.T @ d_z1,
        "b1": d_z1.sum(axis=0),
        "W2": h.T @ d_logits,
        "b2": d_logits.sum(axis=0),
    }
    return float(loss), grads
