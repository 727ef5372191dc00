# mutant: SS_tot sums the squares of y_true, not the deviations from its mean
# likely: not the squares of y_true
import numpy as np


def r2_score(y_true, y_pred) -> float:
    t, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    ss_res = np.sum((t - p) ** 2)
    ss_tot = np.sum(t**2)
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    return float(1 - ss_res / ss_tot)
