# mutant: SS_tot computed from y_pred
# likely: SS_tot uses y_true, not y_pred
import numpy as np


def r2_score(y_true, y_pred) -> float:
    t, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    ss_res = np.sum((t - p) ** 2)
    ss_tot = np.sum((p - p.mean()) ** 2)
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    return float(1 - ss_res / ss_tot)
