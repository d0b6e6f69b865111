"""Evaluates the two empirical CDFs only at the points of the first sample."""
# expect: every point of both samples
import numpy as np


def ks_statistic(a, b):
    a_sorted, b_sorted = np.sort(a), np.sort(b)
    cdf_a = np.searchsorted(a_sorted, a_sorted, side="right") / a_sorted.size
    cdf_b = np.searchsorted(b_sorted, a_sorted, side="right") / b_sorted.size
    return float(np.max(np.abs(cdf_a - cdf_b)))
