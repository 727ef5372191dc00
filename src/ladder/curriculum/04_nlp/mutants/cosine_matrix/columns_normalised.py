# mutant: normalises the columns (axis=0) instead of the rows
# likely: normalise each row (axis=1)
import numpy as np


def cosine_similarity_matrix(X, Y=None):
    X = np.asarray(X, dtype=float)
    Y = X if Y is None else np.asarray(Y, dtype=float)

    def unit(A):
        n = np.linalg.norm(A, axis=0, keepdims=True)
        return A / np.where(n == 0, 1, n)

    return unit(X) @ unit(Y).T
