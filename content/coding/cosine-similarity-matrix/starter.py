import numpy as np


def cosine_similarity_matrix(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Pairwise cosine similarity between the rows of A (N, D) and B (M, D); zero vectors give 0."""
    raise NotImplementedError
