# mutant: returns X^T y without solving
# likely: that is X^T y
import numpy as np


def normal_equation(X, y) -> np.ndarray:
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    return X.T @ y
