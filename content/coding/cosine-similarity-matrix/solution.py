import numpy as np


def _unit_rows(X: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    # A zero row has no direction; dividing it by 1 keeps it zero, so its similarities are 0.
    return X / np.where(norms == 0.0, 1.0, norms)


def cosine_similarity_matrix(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Pairwise cosine similarity between the rows of A (N, D) and B (M, D); zero vectors give 0."""
    A = np.asarray(A, dtype=np.float64)
    B = np.asarray(B, dtype=np.float64)
    return _unit_rows(A) @ _unit_rows(B).T
