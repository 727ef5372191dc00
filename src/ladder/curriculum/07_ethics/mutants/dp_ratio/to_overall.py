# mutant: compares each group with the overall selection rate
# likely: compare the groups with each other
import numpy as np


def demographic_parity_ratio(y_true, y_pred, *, sensitive_features) -> float:
    p, g = np.asarray(y_pred), np.asarray(sensitive_features)
    overall = np.mean(p == 1)
    if overall == 0:
        return 1.0
    rates = [np.mean(p[g == a] == 1) for a in np.unique(g)]
    return float(min(min(r / overall, overall / r) for r in rates))
