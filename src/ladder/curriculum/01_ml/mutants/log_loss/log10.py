# mutant: base-10 logarithm
# likely: natural logarithm
import numpy as np


def log_loss(y_true, y_proba) -> float:
    t = np.asarray(y_true)
    P = np.asarray(y_proba, dtype=float)
    if P.ndim == 1:
        P = np.column_stack([1 - P, P])
    eps = np.finfo(float).eps
    P = np.clip(P, eps, 1 - eps)
    labels, idx = np.unique(t, return_inverse=True)
    picked = P[np.arange(len(t)), idx]
    return float(-np.mean(np.log10(picked)))
