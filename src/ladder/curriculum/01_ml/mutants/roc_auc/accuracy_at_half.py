# mutant: the accuracy of thresholding the scores at 0.5
import numpy as np


def roc_auc_score(y_true, y_score) -> float:
    t = np.asarray(y_true)
    s = np.asarray(y_score, dtype=float)
    return float(np.mean((s >= 0.5) == (t == 1)))
