# mutant: numbers the classes in order of first appearance, not sorted
# likely: not the order they first appear
import numpy as np


def log_loss(y_true, y_proba) -> float:
    t = np.asarray(y_true)
    P = np.asarray(y_proba, dtype=float)
    if P.ndim == 1:
        P = np.column_stack([1 - P, P])
    eps = np.finfo(float).eps
    P = np.clip(P, eps, 1 - eps)
    order = list(dict.fromkeys(t.tolist()))
    idx = np.array([order.index(label) for label in t.tolist()])
    return float(-np.mean(np.log(P[np.arange(len(t)), idx])))
