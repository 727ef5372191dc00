# mutant: Mann-Whitney U from ordinal ranks (ties broken by position, not averaged)
import numpy as np


def roc_auc_score(y_true, y_score) -> float:
    t = np.asarray(y_true)
    s = np.asarray(y_score, dtype=float)
    ranks = np.empty(s.size)
    ranks[np.argsort(s, kind="stable")] = np.arange(1, s.size + 1)
    P, N = np.sum(t == 1), np.sum(t == 0)
    u = np.sum(ranks[t == 1]) - P * (P + 1) / 2
    return float(u / (P * N))
