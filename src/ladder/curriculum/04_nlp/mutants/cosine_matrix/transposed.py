# mutant: returns the (m, n) matrix, rows following Y
# likely: rows of the result follow X
import numpy as np


def cosine_similarity_matrix(X, Y=None):
    X = np.asarray(X, dtype=float)
    Y = X if Y is None else np.asarray(Y, dtype=float)

    def unit(A):
        n = np.linalg.norm(A, axis=1, keepdims=True)
        return A / np.where(n == 0, 1, n)

    return unit(Y) @ unit(X).T
