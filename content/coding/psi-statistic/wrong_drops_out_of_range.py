"""Uses np.histogram between the expected min and max, silently dropping actual values outside that range."""
# expect: last bin
import numpy as np


def psi(expected, actual, n_bins=10, eps=1e-4):
    edges = np.quantile(expected, np.linspace(0, 1, n_bins + 1))
    e = np.maximum(np.histogram(expected, bins=edges)[0] / len(expected), eps)
    a = np.maximum(np.histogram(actual, bins=edges)[0] / len(actual), eps)
    return float(np.sum((a - e) * np.log(a / e)))
