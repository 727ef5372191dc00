# mutant: clips R² at 0
# likely: do not clip R² at 0
import numpy as np


def r2_score(y_true, y_pred) -> float:
    t, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    ss_res = np.sum((t - p) ** 2)
    ss_tot = np.sum((t - t.mean()) ** 2)
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    return float(max(0.0, 1 - ss_res / ss_tot))
