"""Leverage: the diagonal of the hat matrix.

    H = X (X^T X)^{-1} X^T        (y_hat = H y: H "puts the hat on" y)
    h_ii = H[i, i] = x_i^T (X^T X)^{-1} x_i

X is the design matrix as fitted, shape (n, k), including its column of ones. Return the
n leverages as a 1-D array. They lie in [0, 1] and sum to k. Avoid building the full
n x n matrix H: only its diagonal is needed. The matching library attribute is
``statsmodels.stats.outliers_influence.OLSInfluence(...).hat_matrix_diag``.
"""

import numpy as np


def leverage(exog) -> np.ndarray:
    X = np.asarray(exog, dtype=float)
    # TODO: compute x_i^T (X^T X)^{-1} x_i for every row i.
    raise NotImplementedError
