import numpy as np


def cross_entropy(logits: np.ndarray, labels: np.ndarray) -> float:
    """Mean categorical cross-entropy of raw logits (N, C) against integer labels (N,)."""
    z = np.asarray(logits, dtype=np.float64)
    y = np.asarray(labels, dtype=np.intp)
    # log(sum(exp(z))) computed as m + log(sum(exp(z - m))): every exponent is <= 0, so
    # nothing overflows, and we never take the log of a probability that rounded to 0.
    m = z.max(axis=1, keepdims=True)
    log_sum_exp = m[:, 0] + np.log(np.exp(z - m).sum(axis=1))
    true_logit = z[np.arange(z.shape[0]), y]
    return float(np.mean(log_sum_exp - true_logit))
