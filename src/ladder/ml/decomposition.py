r"""Principal component analysis by the singular value decomposition.

Centre the data, :math:`X_c = X - \bar x`, and factor :math:`X_c = U S V^\top`. The rows
of :math:`V^\top` are the principal axes — orthonormal directions of decreasing
variance; the variance along axis ``k`` is :math:`s_k^2 / (n - 1)`, its share of the total
:math:`s_k^2 / \sum_j s_j^2`. Projecting onto the first ``q`` axes,
:math:`Z = X_c V_q`, keeps the most variance any ``q``-dimensional linear map can keep.
(The covariance :math:`\frac{1}{n-1} X_c^\top X_c = V \frac{S^2}{n-1} V^\top` gives the same
axes; the SVD avoids forming it and squaring the condition number.)

Signs of singular vectors are arbitrary; we make the largest-magnitude entry of each
axis positive, so results are deterministic. Parity with ``sklearn.decomposition.PCA``
(components up to sign, explained variance): ``tests/ml/test_cluster.py``.
"""

from __future__ import annotations

import numbers

import numpy as np
from numpy.typing import ArrayLike

from ladder.ml.base import BaseEstimator, check_array, check_features, check_is_fitted

__all__ = ["PCA"]


class PCA(BaseEstimator):
    """Linear dimensionality reduction onto the top ``n_components`` principal axes.

    Attributes: ``components_`` (q, d), ``explained_variance_``,
    ``explained_variance_ratio_``, ``singular_values_``, ``mean_``, ``n_components_``.

    >>> import numpy as np
    >>> PCA(1).fit(np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]])).components_.round(3)
    array([[0.707, 0.707]])
    """

    def __init__(self, n_components: int | float | None = None, whiten: bool = False) -> None:
        self.n_components = n_components
        self.whiten = whiten

    def fit(self, X: ArrayLike, y: ArrayLike | None = None) -> PCA:
        X = check_array(X)
        n, d = X.shape
        if n < 2:
            raise ValueError(f"PCA needs at least 2 samples, got {n}; pass more rows.")
        self.mean_ = X.mean(axis=0)
        U, S, Vt = np.linalg.svd(X - self.mean_, full_matrices=False)
        # Deterministic signs: the largest-|.| entry of each axis is positive.
        signs = np.sign(Vt[np.arange(Vt.shape[0]), np.argmax(np.abs(Vt), axis=1)])
        signs[signs == 0] = 1.0
        Vt *= signs[:, None]
        var = S**2 / (n - 1)
        ratio = var / var.sum()
        q = self._n_keep(ratio, min(n, d))
        self.components_ = Vt[:q]
        self.singular_values_ = S[:q]
        self.explained_variance_ = var[:q]
        self.explained_variance_ratio_ = ratio[:q]
        self.n_components_ = q
        self.n_features_in_ = d
        return self

    def _n_keep(self, ratio: np.ndarray, q_max: int) -> int:
        nc = self.n_components
        if nc is None:
            return q_max
        if isinstance(nc, numbers.Integral) and not isinstance(nc, bool) and 1 <= nc <= q_max:
            return int(nc)
        if isinstance(nc, float) and 0.0 < nc < 1.0:
            # the fewest axes whose variance shares add up to more than nc
            return int(np.searchsorted(np.cumsum(ratio), nc, side="right") + 1)
        raise ValueError(
            f"n_components={nc!r} must be an int in 1..{q_max}, a float in (0, 1) "
            "(variance to keep) or None."
        )

    def transform(self, X: ArrayLike) -> np.ndarray:
        """Coordinates :math:`(x - \\bar x) V_q` (divided by :math:`\\sqrt{\\lambda}` if
        ``whiten``)."""
        check_is_fitted(self, "components_")
        Z = (check_features(self, X) - self.mean_) @ self.components_.T
        return Z / np.sqrt(self.explained_variance_) if self.whiten else Z

    def fit_transform(self, X: ArrayLike, y: ArrayLike | None = None) -> np.ndarray:
        return self.fit(X).transform(X)

    def inverse_transform(self, Z: ArrayLike) -> np.ndarray:
        """Back to the input space: :math:`Z V_q^\\top + \\bar x` (the best rank-q
        reconstruction)."""
        check_is_fitted(self, "components_")
        Z = np.asarray(Z, dtype=np.float64)
        if self.whiten:
            Z = Z * np.sqrt(self.explained_variance_)
        return Z @ self.components_ + self.mean_
