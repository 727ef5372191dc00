# mutant: divides 0 by 0 when nobody is selected (returns nan)
import numpy as np


def demographic_parity_ratio(y_true, y_pred, *, sensitive_features) -> float:
    p, g = np.asarray(y_pred), np.asarray(sensitive_features)
    rates = np.array([np.mean(p[g == a] == 1) for a in np.unique(g)])
    with np.errstate(invalid="ignore"):
        return float(rates.min() / rates.max())
