import numpy as np


def top_k_retrieval(queries: np.ndarray, docs: np.ndarray, k: int) -> np.ndarray:
    """Indices (Q, k) of the k most cosine-similar docs per query, best first, ties by smaller index."""
    raise NotImplementedError
