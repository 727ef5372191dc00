"""Variance inflation factor of one column.

Regress column ``index`` of X on all the other columns (exactly as given: X already holds
a column of ones), get that regression's R^2_j, and return

    VIF_j = 1 / (1 - R^2_j)

R^2_j = 1 - SS_res / SS_tot with SS_tot taken around the mean of column j. The
matching library function is
``statsmodels.stats.outliers_influence.variance_inflation_factor``.
"""

import numpy as np


def vif(exog, index) -> float:
    X = np.asarray(exog, dtype=float)
    # TODO: split off column `index`, least-squares fit it on the others
    # (np.linalg.lstsq), compute R^2 and return 1 / (1 - R^2).
    raise NotImplementedError
