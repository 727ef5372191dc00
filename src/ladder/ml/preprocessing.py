r"""Feature transforms: polynomial expansion and standardisation.

* :class:`PolynomialFeatures` maps :math:`(x_1, x_2)` to
  :math:`(1, x_1, x_2, x_1^2, x_1x_2, x_2^2)` for ``degree=2`` — every monomial of total
  degree :math:`\le d`, in the order of ``sklearn.preprocessing.PolynomialFeatures``.
  A linear model on these columns fits a polynomial: still linear *in the parameters*.
* :class:`StandardScaler` maps each column to :math:`(x - \mu)/\sigma` with the
  population standard deviation (``ddof=0``), as ``sklearn.preprocessing.StandardScaler``;
  a constant column keeps scale 1 instead of dividing by zero.

Parity: ``tests/ml/test_preprocessing.py``.
"""

from __future__ import annotations

from itertools import chain, combinations, combinations_with_replacement

import numpy as np
from numpy.typing import ArrayLike

from ladder.ml.base import (
    BaseEstimator,
    check_array,
    check_features,
    check_is_fitted,
    check_param,
)

__all__ = ["PolynomialFeatures", "StandardScaler"]


class PolynomialFeatures(BaseEstimator):
    """All monomials of the inputs up to ``degree``.

    Parameters
    ----------
    degree : int >= 0
    interaction_only : bool
        Keep only products of distinct features (no :math:`x_i^2`).
    include_bias : bool
        Start with the constant column of ones.

    Attributes
    ----------
    powers_ : ndarray (n_output_features, n_features)
        ``powers_[j, i]`` is the exponent of input ``i`` in output column ``j``.

    >>> PolynomialFeatures(2).fit_transform([[2.0, 3.0]])
    array([[1., 2., 3., 4., 6., 9.]])
    """

    def __init__(
        self, degree: int = 2, interaction_only: bool = False, include_bias: bool = True
    ) -> None:
        self.degree = degree
        self.interaction_only = interaction_only
        self.include_bias = include_bias

    def fit(self, X: ArrayLike, y: ArrayLike | None = None) -> PolynomialFeatures:
        check_param("degree", self.degree, kind=int, low=0)
        if self.degree == 0 and not self.include_bias:
            raise ValueError(
                "degree=0 with include_bias=False leaves no output column; "
                "use degree >= 1 or include_bias=True."
            )
        X = check_array(X)
        n = X.shape[1]
        pick = combinations if self.interaction_only else combinations_with_replacement
        start = 0 if self.include_bias else 1
        combos = chain.from_iterable(pick(range(n), d) for d in range(start, self.degree + 1))
        powers = [np.bincount(np.asarray(c, dtype=int), minlength=n) for c in combos]
        self.powers_ = np.array(powers, dtype=np.int64).reshape(-1, n)
        self.n_features_in_ = n
        self.n_output_features_ = self.powers_.shape[0]
        return self

    def transform(self, X: ArrayLike) -> np.ndarray:
        """Column ``j`` is :math:`\\prod_i x_i^{p_{ji}}`."""
        check_is_fitted(self, "powers_")
        X = check_features(self, X)
        return np.prod(X[:, None, :] ** self.powers_[None, :, :], axis=2)

    def fit_transform(self, X: ArrayLike, y: ArrayLike | None = None) -> np.ndarray:
        return self.fit(X).transform(X)

    def get_feature_names_out(self, input_features: list[str] | None = None) -> list[str]:
        """Names like ``"1"``, ``"x0"``, ``"x0^2"``, ``"x0 x1"`` (sklearn's spelling)."""
        check_is_fitted(self, "powers_")
        names = input_features or [f"x{i}" for i in range(self.n_features_in_)]
        out = []
        for row in self.powers_:
            parts = [names[i] if p == 1 else f"{names[i]}^{p}" for i, p in enumerate(row) if p]
            out.append(" ".join(parts) if parts else "1")
        return out


class StandardScaler(BaseEstimator):
    """Centre each feature and divide by its (population) standard deviation.

    Attributes
    ----------
    mean_ : ndarray (n_features,), or None when both flags are False
    var_ : ndarray (n_features,), or None when ``with_std=False``
    scale_ : ndarray (n_features,) or None when ``with_std=False``;
        ``sqrt(var_)``, with 1 for constant columns.

    >>> StandardScaler().fit_transform([[0.0], [2.0]])
    array([[-1.],
           [ 1.]])
    """

    def __init__(self, with_mean: bool = True, with_std: bool = True) -> None:
        self.with_mean = with_mean
        self.with_std = with_std

    def fit(self, X: ArrayLike, y: ArrayLike | None = None) -> StandardScaler:
        X = check_array(X)
        self.n_features_in_ = X.shape[1]
        self.n_samples_seen_ = X.shape[0]
        mean = X.mean(axis=0)
        var = ((X - mean) ** 2).mean(axis=0)
        # As sklearn: mean_ is kept unless nothing is done; var_ only when scaling.
        self.mean_ = mean if (self.with_mean or self.with_std) else None
        self.var_ = var if self.with_std else None
        if self.with_std:
            scale = np.sqrt(var)
            # Constant (or numerically constant) columns keep scale 1, as sklearn does.
            tiny = 10 * np.finfo(np.float64).eps * np.maximum(np.abs(mean), 1.0)
            scale[scale < tiny] = 1.0
            self.scale_ = scale
        else:
            self.scale_ = None
        return self

    def transform(self, X: ArrayLike) -> np.ndarray:
        """:math:`(x - \\mu) / \\sigma` column by column."""
        check_is_fitted(self, "n_samples_seen_")
        X = check_features(self, X)
        if self.with_mean:
            X = X - self.mean_
        if self.scale_ is not None:
            X = X / self.scale_
        return X

    def inverse_transform(self, X: ArrayLike) -> np.ndarray:
        """:math:`z\\sigma + \\mu`: back to the original units."""
        check_is_fitted(self, "n_samples_seen_")
        X = check_features(self, X)
        if self.scale_ is not None:
            X = X * self.scale_
        if self.with_mean:
            X = X + self.mean_
        return X

    def fit_transform(self, X: ArrayLike, y: ArrayLike | None = None) -> np.ndarray:
        return self.fit(X).transform(X)
