# mutant: a ROC point after every sample instead of every distinct score (ties split)
import numpy as np


def roc_auc_score(y_true, y_score) -> float:
    t = np.asarray(y_true)
    s = np.asarray(y_score, dtype=float)
    order = np.argsort(-s, kind="stable")
    pos = (t[order] == 1).astype(float)
    tpr = np.r_[0.0, np.cumsum(pos) / pos.sum()]
    fpr = np.r_[0.0, np.cumsum(1 - pos) / (1 - pos).sum()]
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
