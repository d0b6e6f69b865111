"""Sorts ascending and reverses, which puts tied documents in decreasing index order."""
# expect: smaller document index
import numpy as np


def top_k_retrieval(queries, docs, k):
    q, d = np.asarray(queries, float), np.asarray(docs, float)
    qn = np.linalg.norm(q, axis=1, keepdims=True)
    dn = np.linalg.norm(d, axis=1, keepdims=True)
    sims = (q / np.where(qn == 0, 1, qn)) @ (d / np.where(dn == 0, 1, dn)).T
    return np.argsort(sims, axis=1, kind="stable")[:, ::-1][:, :k]
