"""Variance inflation factor of one column.

X is a design matrix whose column 0 is all ones (the intercept); ``index`` names one of
the feature columns (never the ones column; negative indices count from the end, as in
Python). Regress column ``index`` on all the other columns, the ones column among them,
get that regression's R^2_j, and return

    VIF_j = 1 / (1 - R^2_j)

R^2_j = 1 - SS_res / SS_tot with SS_tot taken around the mean of column j. Because the
ones column is among the regressors, this is the same number whether the columns are
standardised first or not. The matching library function is
``statsmodels.stats.outliers_influence.variance_inflation_factor`` (either value of its
``standardize`` argument).
"""

import numpy as np


def vif(exog, index) -> float:
    X = np.asarray(exog, dtype=float)
    # TODO: split off column `index`, least-squares fit it on the others
    # (np.linalg.lstsq), compute R^2 and return 1 / (1 - R^2).
    raise NotImplementedError
