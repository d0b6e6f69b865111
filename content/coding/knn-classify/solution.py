import numpy as np


def knn_predict(X_train: np.ndarray, y_train: np.ndarray, X_test: np.ndarray, k: int) -> np.ndarray:
    """Majority label of the k nearest training points; vote ties go to the smallest label."""
    X_train = np.asarray(X_train, dtype=np.float64)
    X_test = np.asarray(X_test, dtype=np.float64)
    y_train = np.asarray(y_train)
    # Squared distances rank neighbours exactly like Euclidean distances; shape (M, N).
    d2 = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)
    nearest = np.argsort(d2, axis=1, kind="stable")[:, :k]
    classes, codes = np.unique(y_train, return_inverse=True)
    votes = np.zeros((X_test.shape[0], classes.size), dtype=np.int64)
    np.add.at(votes, (np.arange(X_test.shape[0])[:, None], codes[nearest]), 1)
    # classes are sorted, so argmax (first maximum) breaks vote ties towards the smallest label.
    return classes[votes.argmax(axis=1)]
