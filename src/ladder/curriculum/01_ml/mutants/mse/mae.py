# mutant: averages absolute errors (MAE)
# likely: mean absolute error
import numpy as np


def mean_squared_error(y_true, y_pred) -> float:
    t, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    return float(np.mean(np.abs(t - p)))
