"""Copies leave-one-out code and drops the first neighbour, voting with neighbours 2..k+1."""
# expect: single nearest training point
import numpy as np


def knn_predict(X_train: np.ndarray, y_train: np.ndarray, X_test: np.ndarray, k: int) -> np.ndarray:
    d = np.linalg.norm(np.asarray(X_test)[:, None] - np.asarray(X_train)[None], axis=2)
    neighbours = np.argsort(d, axis=1)[:, 1:k + 1]
    classes, codes = np.unique(y_train, return_inverse=True)
    votes = np.array([np.bincount(codes[row], minlength=classes.size) for row in neighbours])
    return classes[votes.argmax(axis=1)]
