# mutant: the diagonal of (X^T X)^-1
# likely: that is the diagonal of (XᵀX)⁻¹
import numpy as np


def leverage(exog) -> np.ndarray:
    X = np.asarray(exog, dtype=float)
    G = np.linalg.inv(X.T @ X)
    return np.diag(G)
