# mutant: uses p for every sample, whatever its label
# likely: the probability of the larger label: use p for it
import numpy as np


def log_loss(y_true, y_proba) -> float:
    t = np.asarray(y_true)
    P = np.asarray(y_proba, dtype=float)
    if P.ndim == 1:
        eps = np.finfo(float).eps
        return float(-np.mean(np.log(np.clip(P, eps, 1 - eps))))
    labels, idx = np.unique(t, return_inverse=True)
    picked = P[np.arange(len(t)), idx]
    return float(-np.mean(np.log(picked)))
