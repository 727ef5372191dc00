# mutant: counts the matches instead of averaging them
# likely: you counted the matches
import numpy as np


def accuracy_score(y_true, y_pred) -> float:
    return float(np.sum(np.asarray(y_true) == np.asarray(y_pred)))
