# mutant: sums the squared errors instead of averaging them
# likely: you summed the squared errors
import numpy as np


def mean_squared_error(y_true, y_pred) -> float:
    t, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    return float(np.sum((t - p) ** 2))
