# mutant: clips at 1e-15 instead of machine epsilon
import numpy as np


def log_loss(y_true, y_proba) -> float:
    t = np.asarray(y_true)
    P = np.asarray(y_proba, dtype=float)
    if P.ndim == 1:
        P = np.column_stack([1 - P, P])
    P = np.clip(P, 1e-15, 1 - 1e-15)
    labels, idx = np.unique(t, return_inverse=True)
    return float(-np.mean(np.log(P[np.arange(len(t)), idx])))
