# mutant: sums the product over the rows (axis 0) instead of per row
import numpy as np


def leverage(exog) -> np.ndarray:
    X = np.asarray(exog, dtype=float)
    G = np.linalg.inv(X.T @ X)
    return np.sum((X @ G) * X, axis=0)
