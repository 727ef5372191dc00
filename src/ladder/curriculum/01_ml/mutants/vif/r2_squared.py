# mutant: squares R² again
# likely: R²_j is already squared
import numpy as np


def vif(exog, index) -> float:
    X = np.asarray(exog, dtype=float)
    target = X[:, index]
    others = np.delete(X, index, axis=1)
    coef = np.linalg.lstsq(others, target, rcond=None)[0]
    residual = target - others @ coef
    r2 = 1 - np.sum(residual**2) / np.sum((target - target.mean()) ** 2)
    return float(1 / (1 - r2**2))
