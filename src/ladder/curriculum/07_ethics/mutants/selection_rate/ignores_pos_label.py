# mutant: counts predictions equal to 1 whatever pos_label says
import numpy as np


def selection_rate_by_group(y_pred, sensitive_features, *, pos_label=1) -> dict:
    p, g = np.asarray(y_pred), np.asarray(sensitive_features)
    if len(p) != len(g):
        raise ValueError("lengths differ")
    return {a.item(): float(np.mean(p[g == a] == 1)) for a in np.unique(g)}
