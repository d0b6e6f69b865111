import numpy as np


def _unit_rows(X: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    return X / np.where(norms == 0.0, 1.0, norms)  # zero vectors stay zero: similarity 0


def top_k_retrieval(queries: np.ndarray, docs: np.ndarray, k: int) -> np.ndarray:
    """Indices (Q, k) of the k most cosine-similar docs per query, best first, ties by smaller index."""
    q = _unit_rows(np.asarray(queries, dtype=np.float64))
    d = _unit_rows(np.asarray(docs, dtype=np.float64))
    sims = q @ d.T
    # A stable sort of the negated scores keeps equal scores in index order, which is
    # exactly the tie-break asked for (reversing an ascending sort would flip it).
    order = np.argsort(-sims, axis=1, kind="stable")
    return order[:, :k].astype(np.int64)
