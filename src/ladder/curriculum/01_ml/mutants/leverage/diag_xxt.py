# mutant: the diagonal of X X^T, without (X^T X)^-1
# likely: use (XᵀX)⁻¹ between the rows
import numpy as np


def leverage(exog) -> np.ndarray:
    X = np.asarray(exog, dtype=float)
    return np.diag(X @ X.T)
