# mutant: ties count 1 (>=)
# likely: ties count 1/2, not 1
import numpy as np


def roc_auc_score(y_true, y_score) -> float:
    t = np.asarray(y_true)
    s = np.asarray(y_score, dtype=float)
    pos, neg = s[t == 1], s[t == 0]
    wins = np.sum(pos[:, None] > neg[None, :])
    ties = np.sum(pos[:, None] == neg[None, :])
    return float((wins + ties) / (pos.size * neg.size))
