# mutant: SS_tot around 0 (uncentred R²)
# likely: around the mean of column j
import numpy as np


def vif(exog, index) -> float:
    X = np.asarray(exog, dtype=float)
    target = X[:, index]
    others = np.delete(X, index, axis=1)
    coef = np.linalg.lstsq(others, target, rcond=None)[0]
    residual = target - others @ coef
    r2 = 1 - np.sum(residual**2) / np.sum(target**2)
    return float(1 / (1 - r2))
