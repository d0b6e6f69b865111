"""Runs the SVD on the raw data without subtracting the column means."""
# expect: centre the data
import numpy as np


def pca(X, k):
    X = np.asarray(X, dtype=float)
    _, s, vt = np.linalg.svd(X, full_matrices=False)
    comps = vt[:k].copy()
    idx = np.argmax(np.abs(comps), axis=1)
    comps *= np.sign(comps[np.arange(k), idx])[:, None]
    return comps, s[:k] ** 2 / np.sum(s ** 2), X @ comps.T
