# mutant: adds the two gaps instead of taking the larger
# likely: not their sum
import numpy as np


def equalized_odds_difference(y_true, y_pred, *, sensitive_features) -> float:
    y, p, g = map(np.asarray, (y_true, y_pred, sensitive_features))
    tpr = [p[(g == a) & (y == 1)].mean() for a in np.unique(g)]
    fpr = [p[(g == a) & (y == 0)].mean() for a in np.unique(g)]
    return float(np.ptp(tpr) + np.ptp(fpr))
