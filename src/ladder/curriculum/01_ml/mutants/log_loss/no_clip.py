# mutant: does not clip, so log(0) = -inf
# likely: clip the probabilities
import numpy as np


def log_loss(y_true, y_proba) -> float:
    t = np.asarray(y_true)
    P = np.asarray(y_proba, dtype=float)
    if P.ndim == 1:
        P = np.column_stack([1 - P, P])
    labels, idx = np.unique(t, return_inverse=True)
    with np.errstate(divide="ignore"):
        return float(-np.mean(np.log(P[np.arange(len(t)), idx])))
