# mutant: returns the difference of the rates, not their ratio
# likely: that is the difference of the rates
import numpy as np


def demographic_parity_ratio(y_true, y_pred, *, sensitive_features) -> float:
    p, g = np.asarray(y_pred), np.asarray(sensitive_features)
    rates = [np.mean(p[g == a] == 1) for a in np.unique(g)]
    if max(rates) == 0:
        return 1.0
    return float(max(rates) - min(rates))
