"""Bins each sample by its own quantiles, so both histograms are flat and a shift is invisible."""
# expect: expected sample's quantiles
import numpy as np


def psi(expected, actual, n_bins=10, eps=1e-4):
    def proportions(x):
        cuts = np.quantile(x, np.arange(1, n_bins) / n_bins)
        counts = np.bincount(np.searchsorted(cuts, x, side="left"), minlength=n_bins)
        return np.maximum(counts / len(x), eps)
    e, a = proportions(np.asarray(expected, float)), proportions(np.asarray(actual, float))
    return float(np.sum((a - e) * np.log(a / e)))
