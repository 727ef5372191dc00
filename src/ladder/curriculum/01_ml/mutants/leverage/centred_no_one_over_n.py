# mutant: the Mahalanobis form on centred features, forgetting the 1/n of the intercept
# likely: add 1/n for the intercept
import numpy as np


def leverage(exog) -> np.ndarray:
    X = np.asarray(exog, dtype=float)
    Z = X[:, 1:] - X[:, 1:].mean(axis=0)
    return np.sum((Z @ np.linalg.inv(Z.T @ Z)) * Z, axis=1)
