# mutant: divides a zero row by its zero norm
# likely: a zero row divided by its zero norm gives NaN
import numpy as np


def cosine_similarity_matrix(X, Y=None):
    X = np.asarray(X, dtype=float)
    Y = X if Y is None else np.asarray(Y, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        U = X / np.linalg.norm(X, axis=1, keepdims=True)
        V = Y / np.linalg.norm(Y, axis=1, keepdims=True)
    return U @ V.T
