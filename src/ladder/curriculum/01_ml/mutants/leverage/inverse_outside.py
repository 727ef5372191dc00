# mutant: inverts each h_ii instead of the matrix: x_i^T x_i / (X^T X) diagonal mix-up
import numpy as np


def leverage(exog) -> np.ndarray:
    X = np.asarray(exog, dtype=float)
    return np.sum(X * X, axis=1) / np.trace(X.T @ X)
