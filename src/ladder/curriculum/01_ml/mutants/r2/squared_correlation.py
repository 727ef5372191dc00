# mutant: the squared correlation of y_true and y_pred
# likely: not the squared correlation
import numpy as np


def r2_score(y_true, y_pred) -> float:
    t, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    if np.all(t == t[0]):
        return 1.0 if np.all(t == p) else 0.0
    dt, dp = t - t.mean(), p - p.mean()
    if np.all(dp == 0):
        return 0.0
    r = np.sum(dt * dp) / np.sqrt(np.sum(dt**2) * np.sum(dp**2))
    return float(r**2)
