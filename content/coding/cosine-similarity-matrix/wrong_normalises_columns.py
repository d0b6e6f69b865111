"""Normalises each feature column instead of each row vector."""
# expect: each row
import numpy as np


def cosine_similarity_matrix(A, B):
    A, B = np.asarray(A, float), np.asarray(B, float)
    na = np.linalg.norm(A, axis=0, keepdims=True)
    nb = np.linalg.norm(B, axis=0, keepdims=True)
    return (A / np.where(na == 0, 1, na)) @ (B / np.where(nb == 0, 1, nb)).T
