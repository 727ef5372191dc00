# mutant: the share of mismatches (error rate)
# likely: that is the error rate
import numpy as np


def accuracy_score(y_true, y_pred) -> float:
    return float(np.mean(np.asarray(y_true) != np.asarray(y_pred)))
