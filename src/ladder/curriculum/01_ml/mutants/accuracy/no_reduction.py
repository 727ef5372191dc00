# mutant: returns the element-wise comparison, not its mean
import numpy as np


def accuracy_score(y_true, y_pred) -> float:
    return np.asarray(y_true) == np.asarray(y_pred)
