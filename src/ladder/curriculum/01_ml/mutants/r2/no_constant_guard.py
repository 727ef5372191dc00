# mutant: divides by SS_tot = 0 for a constant y_true
# likely: SS_tot is 0 for a constant y_true
import numpy as np


def r2_score(y_true, y_pred) -> float:
    t, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    ss_res = np.sum((t - p) ** 2)
    ss_tot = np.sum((t - t.mean()) ** 2)
    with np.errstate(all="ignore"):
        return float(1 - ss_res / ss_tot)
