"""Divides by the norms directly, so a zero vector produces nan."""
# expect: zero vector
import numpy as np


def cosine_similarity_matrix(A, B):
    A, B = np.asarray(A, float), np.asarray(B, float)
    na = np.linalg.norm(A, axis=1, keepdims=True)
    nb = np.linalg.norm(B, axis=1, keepdims=True)
    return (A @ B.T) / (na * nb.T)
