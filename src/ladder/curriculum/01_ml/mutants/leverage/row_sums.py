# mutant: sums the rows of X G without multiplying by X
# likely: take the row-wise product with X
import numpy as np


def leverage(exog) -> np.ndarray:
    X = np.asarray(exog, dtype=float)
    G = np.linalg.inv(X.T @ X)
    return np.sum(X @ G, axis=1)
