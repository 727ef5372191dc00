# mutant: multiplies by y element-wise (*) instead of a matrix product (@)
import numpy as np


def normal_equation(X, y) -> np.ndarray:
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    return np.linalg.inv(X.T @ X) @ X.T * y
