"""Coefficient of determination.

    R^2 = 1 - SS_res / SS_tot
    SS_res = sum_i (y_true[i] - y_pred[i])**2
    SS_tot = sum_i (y_true[i] - mean(y_true))**2

Return a Python float. If ``y_true`` is constant (SS_tot == 0), return 1.0 for a perfect
prediction and 0.0 otherwise, as ``sklearn.metrics.r2_score`` does.
"""

import numpy as np


def r2_score(y_true, y_pred) -> float:
    # TODO: compute SS_res and SS_tot, handle SS_tot == 0, return 1 - SS_res / SS_tot.
    raise NotImplementedError
