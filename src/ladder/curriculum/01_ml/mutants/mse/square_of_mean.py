# mutant: squares the mean error instead of averaging the squares
# likely: square each error before averaging
import numpy as np


def mean_squared_error(y_true, y_pred) -> float:
    t, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    return float(np.mean(t - p) ** 2)
