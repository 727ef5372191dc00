"""Standardise features: zero mean and unit variance per column.

fit(X):
    mean_  = column means
    scale_ = column standard deviations, population form (divide by n, ddof=0);
             a constant column (standard deviation 0) gets scale 1, so nothing is
             divided by zero
    return self

transform(X) = (X - mean_) / scale_

Statistics come from the data passed to ``fit`` only; ``transform`` applies them to any
data (for example a test set). The matching library class is
``sklearn.preprocessing.StandardScaler``.
"""

import numpy as np


class StandardScaler:
    def fit(self, X) -> "StandardScaler":
        X = np.asarray(X, dtype=float)
        # TODO: mean_ and scale_ (with 1.0 where the standard deviation is 0).
        raise NotImplementedError

    def transform(self, X) -> np.ndarray:
        # TODO: (X - mean_) / scale_
        raise NotImplementedError
