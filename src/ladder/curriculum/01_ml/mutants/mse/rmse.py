# mutant: takes the square root (RMSE)
# likely: root of the MSE
import numpy as np


def mean_squared_error(y_true, y_pred) -> float:
    t, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    return float(np.sqrt(np.mean((t - p) ** 2)))
