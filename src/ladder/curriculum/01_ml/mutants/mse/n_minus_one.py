# mutant: divides by n - 1 as for a sample variance
# likely: divide by n, not n − 1
import numpy as np


def mean_squared_error(y_true, y_pred) -> float:
    t, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    return float(np.sum((t - p) ** 2) / (len(t) - 1))
