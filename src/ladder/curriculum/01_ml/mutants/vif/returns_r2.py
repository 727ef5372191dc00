# mutant: returns R²_j itself
# likely: that is R²_j
import numpy as np


def vif(exog, index) -> float:
    X = np.asarray(exog, dtype=float)
    target = X[:, index]
    others = np.delete(X, index, axis=1)
    coef = np.linalg.lstsq(others, target, rcond=None)[0]
    residual = target - others @ coef
    return float(1 - np.sum(residual**2) / np.sum((target - target.mean()) ** 2))
