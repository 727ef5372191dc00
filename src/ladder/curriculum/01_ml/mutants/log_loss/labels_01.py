# mutant: assumes the labels are 0 and 1 in the binary case
# likely: whatever the labels are
import numpy as np


def log_loss(y_true, y_proba) -> float:
    t = np.asarray(y_true)
    P = np.asarray(y_proba, dtype=float)
    eps = np.finfo(float).eps
    if P.ndim == 1:
        picked = np.where(t == 1, P, 1 - P)
    else:
        labels, idx = np.unique(t, return_inverse=True)
        picked = P[np.arange(len(t)), idx]
    return float(-np.mean(np.log(np.clip(picked, eps, 1 - eps))))
