# mutant: the matrix of dot products, rows never normalised
# likely: normalise the rows to unit length
import numpy as np


def cosine_similarity_matrix(X, Y=None):
    X = np.asarray(X, dtype=float)
    Y = X if Y is None else np.asarray(Y, dtype=float)
    return X @ Y.T
