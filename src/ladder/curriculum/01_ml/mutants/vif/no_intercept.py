# mutant: drops the ones column from the regressors
# likely: the ones column was left out
import numpy as np


def vif(exog, index) -> float:
    X = np.asarray(exog, dtype=float)
    target = X[:, index]
    others = np.delete(X, index, axis=1)
    others = others[:, 1:]
    coef = np.linalg.lstsq(others, target, rcond=None)[0]
    residual = target - others @ coef
    r2 = 1 - np.sum(residual**2) / np.sum((target - target.mean()) ** 2)
    return float(1 / (1 - r2))
