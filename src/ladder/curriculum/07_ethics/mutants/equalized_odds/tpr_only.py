# mutant: only the true-positive-rate gap (equal opportunity)
# likely: that is only the TPR gap
import numpy as np


def equalized_odds_difference(y_true, y_pred, *, sensitive_features) -> float:
    y, p, g = map(np.asarray, (y_true, y_pred, sensitive_features))
    tpr = [p[(g == a) & (y == 1)].mean() for a in np.unique(g)]
    return float(max(tpr) - min(tpr))
