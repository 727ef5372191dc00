# mutant: rates over the whole group instead of over its positives and negatives
# likely: condition on the true label
import numpy as np


def equalized_odds_difference(y_true, y_pred, *, sensitive_features) -> float:
    y, p, g = map(np.asarray, (y_true, y_pred, sensitive_features))
    sel = [p[g == a].mean() for a in np.unique(g)]
    return float(max(sel) - min(sel))
