# mutant: ties count 0
# likely: ties count 1/2, not 0
import numpy as np


def roc_auc_score(y_true, y_score) -> float:
    t = np.asarray(y_true)
    s = np.asarray(y_score, dtype=float)
    pos, neg = s[t == 1], s[t == 0]
    wins = np.sum(pos[:, None] > neg[None, :])
    return float(wins / (pos.size * neg.size))
