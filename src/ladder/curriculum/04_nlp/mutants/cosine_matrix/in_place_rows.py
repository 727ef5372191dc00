# mutant: normalises X in place (the caller's float array changes)
# likely: in place
import numpy as np


def cosine_similarity_matrix(X, Y=None):
    X = np.asarray(X, dtype=float)
    n = np.linalg.norm(X, axis=1, keepdims=True)
    X /= np.where(n == 0, 1, n)
    if Y is None:
        return X @ X.T
    Y = np.asarray(Y, dtype=float)
    m = np.linalg.norm(Y, axis=1, keepdims=True)
    return X @ (Y / np.where(m == 0, 1, m)).T
