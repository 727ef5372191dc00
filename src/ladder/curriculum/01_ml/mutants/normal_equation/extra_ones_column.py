# mutant: adds a column of ones although X already has its intercept column
# likely: X already contains its column of ones
import numpy as np


def normal_equation(X, y) -> np.ndarray:
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    X = np.c_[np.ones(len(X)), X]
    return np.linalg.solve(X.T @ X, X.T @ y)
