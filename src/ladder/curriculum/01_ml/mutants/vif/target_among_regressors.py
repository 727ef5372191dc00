# mutant: drops column j by value comparison, so index -1 keeps the target among its own regressors
import numpy as np


def vif(exog, index) -> float:
    X = np.asarray(exog, dtype=float)
    target = X[:, index]
    others = X[:, [j for j in range(X.shape[1]) if j != index]]
    coef = np.linalg.lstsq(others, target, rcond=None)[0]
    residual = target - others @ coef
    r2 = 1 - np.sum(residual**2) / np.sum((target - target.mean()) ** 2)
    with np.errstate(divide="ignore"):
        return float(1 / (1 - r2))
