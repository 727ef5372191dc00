# mutant: only counts the samples predicted as the positive class 1 (precision)
import numpy as np


def accuracy_score(y_true, y_pred) -> float:
    t, p = np.asarray(y_true), np.asarray(y_pred)
    chosen = p == p.max()
    return float(np.mean(t[chosen] == p[chosen]))
