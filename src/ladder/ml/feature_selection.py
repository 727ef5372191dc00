r"""Univariate feature selection (``sklearn.feature_selection``).

:func:`f_classif` scores each feature by the one-way ANOVA F statistic of its values
across the classes,

.. math:: F = \frac{\sum_c n_c(\bar x_c - \bar x)^2 / (C - 1)}
                 {\sum_c \sum_{i \in c}(x_i - \bar x_c)^2 / (n - C)},

large when the class means differ more than the spread within classes. :class:`SelectKBest`
keeps the ``k`` features with the largest scores (ties resolved as scikit-learn does). It
looks at the labels: fitted on all the data before a cross-validation, it has already
seen the held-out folds (the evaluation lesson's leakage example); inside a
:class:`ladder.ml.pipeline.Pipeline` it is refitted on each training fold.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ladder.ml.base import BaseEstimator, check_array, check_is_fitted

__all__ = ["f_classif", "SelectKBest"]


def f_classif(X: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """ANOVA F statistic and its p-value for every column of ``X``."""
    from scipy.special import fdtrc

    X = check_array(X).astype(np.float64)
    y = np.asarray(y)
    classes = np.unique(y)
    n, C = X.shape[0], classes.size
    if C < 2 or n <= C:
        raise ValueError(f"f_classif needs at least 2 classes and more samples than classes; "
                         f"got {C} classes and {n} samples.")  # fmt: skip
    mean = X.mean(axis=0)
    between = np.zeros(X.shape[1])
    within = np.zeros(X.shape[1])
    for c in classes:
        Xc = X[y == c]
        mc = Xc.mean(axis=0)
        between += len(Xc) * (mc - mean) ** 2
        within += ((Xc - mc) ** 2).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        F = (between / (C - 1)) / (within / (n - C))
    return F, fdtrc(C - 1, n - C, F)


class SelectKBest(BaseEstimator):
    """Keep the ``k`` columns with the largest :func:`f_classif` scores."""

    def __init__(self, k: int = 10) -> None:
        self.k = k

    def fit(self, X: ArrayLike, y: ArrayLike) -> SelectKBest:
        X = check_array(X)
        if not isinstance(self.k, int) or not 0 < self.k <= X.shape[1]:
            raise ValueError(f"k must be an int in [1, {X.shape[1]}] (the number of features), "
                             f"got {self.k!r}.")  # fmt: skip
        self.scores_, self.pvalues_ = f_classif(X, y)
        scores = np.nan_to_num(self.scores_, nan=-np.inf)
        mask = np.zeros(X.shape[1], bool)
        mask[np.argsort(scores, kind="mergesort")[-self.k :]] = True  # sklearn's tie rule
        self.support_ = mask
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X: ArrayLike) -> np.ndarray:
        check_is_fitted(self, "support_")
        return check_array(X)[:, self.support_]

    def fit_transform(self, X: ArrayLike, y: ArrayLike) -> np.ndarray:
        return self.fit(X, y).transform(X)

    def get_support(self) -> np.ndarray:
        check_is_fitted(self, "support_")
        return self.support_.copy()
