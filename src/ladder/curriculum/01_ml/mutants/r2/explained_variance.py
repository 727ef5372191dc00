# mutant: 1 - Var(residuals) / Var(y_true), the explained-variance score
# likely: that is the explained-variance score
import numpy as np


def r2_score(y_true, y_pred) -> float:
    y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    if np.var(y_true) == 0:
        return 1.0 if np.allclose(y_true, y_pred) else 0.0
    return float(1 - np.var(y_true - y_pred) / np.var(y_true))
