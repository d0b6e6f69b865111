"""Walks the merged sorted sample one value at a time, so tied values are not counted together."""
# expect: tied values
import numpy as np


def ks_statistic(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    values = np.concatenate([a, b])
    from_a = np.concatenate([np.ones(a.size), np.zeros(b.size)])
    order = np.argsort(values, kind="stable")
    cdf_a = np.cumsum(from_a[order]) / a.size
    cdf_b = np.cumsum(1 - from_a[order]) / b.size
    return float(np.max(np.abs(cdf_a - cdf_b)))
