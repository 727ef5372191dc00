# mutant: normalises the rows of X but not those of Y
# likely: normalise the rows of Y too
import numpy as np


def cosine_similarity_matrix(X, Y=None):
    X = np.asarray(X, dtype=float)
    Y = X if Y is None else np.asarray(Y, dtype=float)
    n = np.linalg.norm(X, axis=1, keepdims=True)
    return (X / np.where(n == 0, 1, n)) @ Y.T
