# mutant: arithmetic that only works for labels 0 and 1
import numpy as np


def accuracy_score(y_true, y_pred) -> float:
    t, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    return float(np.mean(t * p + (1 - t) * (1 - p)))
