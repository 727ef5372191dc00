r"""Regularised linear regression: ridge, lasso and elastic net.

Objectives, with scikit-learn's scaling (intercept never penalised; it is removed by
centring ``X`` and ``y`` and recovered as :math:`b = \bar y - \bar x^\top w`):

* :class:`Ridge` — :math:`\|y - Xw\|^2 + \alpha\|w\|^2` (no :math:`1/2n`!), solved in
  closed form :math:`w = (X^\top X + \alpha I)^{-1} X^\top y` (``sklearn.linear_model.Ridge``).
* :class:`Lasso` — :math:`\frac1{2n}\|y - Xw\|^2 + \alpha\|w\|_1` (``Lasso``).
* :class:`ElasticNet` — :math:`\frac1{2n}\|y - Xw\|^2 + \alpha\rho\|w\|_1
  + \frac{\alpha(1-\rho)}2\|w\|^2` with :math:`\rho` = ``l1_ratio`` (``ElasticNet``).

The L1 term has no gradient at 0, so lasso and elastic net use **cyclic coordinate
descent**: holding the others fixed, coordinate ``j`` has the closed-form minimiser

.. math:: w_j = \frac{S(\frac1n x_j^\top r_j,\ \alpha\rho)}{\frac1n\|x_j\|^2 + \alpha(1-\rho)},
   \qquad S(z, t) = \mathrm{sign}(z)\max(|z| - t, 0),

where :math:`r_j` is the residual without feature ``j``. Soft-thresholding is what sets
coefficients exactly to zero. The correlation :math:`x_j^\top r_j` is found one of two
ways (sklearn's ``precompute="auto"`` rule picks, as here):

* **covariance updates** when :math:`n > p`: with the Gram matrix :math:`G = X^\top X`
  and :math:`X^\top y` computed once, :math:`x_j^\top r_j = (X^\top y)_j - G_j^\top w
  + G_{jj}w_j` costs :math:`O(p)` per step instead of :math:`O(n)`;
* **residual updates** otherwise: keep :math:`r = y - Xw` and, when :math:`w_j` moves by
  :math:`\delta`, subtract :math:`\delta x_j`.

Sweeps stop when the duality gap falls below ``tol`` :math:`\cdot\|y\|^2`, sklearn's
criterion. Parity: ``tests/ml/test_regularized.py``.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from ladder.ml.base import (
    BaseEstimator,
    RegressorMixin,
    check_features,
    check_is_fitted,
    check_param,
    check_X_y,
)

__all__ = ["Ridge", "Lasso", "ElasticNet", "soft_threshold"]


def soft_threshold(z: float, t: float) -> float:
    """:math:`\\mathrm{sign}(z)\\max(|z| - t, 0)`, the proximal map of :math:`t|w|`.

    >>> soft_threshold(3.0, 1.0), soft_threshold(-0.5, 1.0)
    (2.0, 0.0)
    """
    # copysign(m, z) is sign(z) * m for m >= 0; + 0.0 turns -0.0 into 0.0. Plain floats:
    # coordinate descent calls this once per step, and NumPy scalars are slower.
    return math.copysign(max(abs(z) - t, 0.0), z) + 0.0


class _LinearModel(BaseEstimator, RegressorMixin):
    def _center(self, X: np.ndarray, y: np.ndarray):
        if self.fit_intercept:
            x_mean, y_mean = X.mean(axis=0), float(y.mean())
            return X - x_mean, y - y_mean, x_mean, y_mean
        return X, y, np.zeros(X.shape[1]), 0.0

    def predict(self, X: ArrayLike) -> np.ndarray:
        """:math:`\\hat y = Xw + b`."""
        check_is_fitted(self, "coef_")
        X = check_features(self, X)
        return X @ self.coef_ + self.intercept_


class Ridge(_LinearModel):
    """L2-penalised least squares, closed form (``sklearn.linear_model.Ridge``).

    >>> Ridge(alpha=1.0).fit([[0.0], [1.0], [2.0]], [0.0, 1.0, 2.0]).coef_
    array([0.66666667])
    """

    def __init__(self, alpha: float = 1.0, fit_intercept: bool = True) -> None:
        self.alpha = alpha
        self.fit_intercept = fit_intercept

    def fit(self, X: ArrayLike, y: ArrayLike) -> Ridge:
        check_param("alpha", self.alpha, low=0.0)
        X, y = check_X_y(X, y)
        Xc, yc, x_mean, y_mean = self._center(X, y)
        A = Xc.T @ Xc + self.alpha * np.eye(X.shape[1])
        # Cholesky: A is symmetric positive definite when alpha > 0.
        try:
            L = np.linalg.cholesky(A)
            self.coef_ = np.linalg.solve(L.T, np.linalg.solve(L, Xc.T @ yc))
        except np.linalg.LinAlgError:
            self.coef_ = np.linalg.lstsq(A, Xc.T @ yc, rcond=None)[0]
        self.intercept_ = float(y_mean - x_mean @ self.coef_)
        self.n_features_in_ = X.shape[1]
        return self


class ElasticNet(_LinearModel):
    """L1 + L2 penalised least squares by cyclic coordinate descent.

    Attributes
    ----------
    coef_, intercept_, n_iter_ (sweeps used), dual_gap_ (final duality gap, scaled by n)
    """

    def __init__(
        self,
        alpha: float = 1.0,
        l1_ratio: float = 0.5,
        fit_intercept: bool = True,
        max_iter: int = 1000,
        tol: float = 1e-4,
    ) -> None:
        self.alpha = alpha
        self.l1_ratio = l1_ratio
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X: ArrayLike, y: ArrayLike) -> ElasticNet:
        check_param("alpha", self.alpha, low=0.0)
        check_param("l1_ratio", self.l1_ratio, low=0.0, high=1.0)
        check_param("max_iter", self.max_iter, kind=int, low=1)
        check_param("tol", self.tol, low=0.0)
        X, y = check_X_y(X, y)
        Xc, yc, x_mean, y_mean = self._center(X, y)
        n, p = Xc.shape
        # Work with the objective times n: 1/2||r||^2 + l1*|w|_1 + l2/2*||w||^2.
        l1 = self.alpha * self.l1_ratio * n
        l2 = self.alpha * (1.0 - self.l1_ratio) * n
        col_sq = np.einsum("ij,ij->j", Xc, Xc).tolist()  # ||x_j||^2, as Python floats
        w = np.zeros(p)
        covariance = n > p  # sklearn's precompute="auto"
        if covariance:
            gram_rows, xty = list(Xc.T @ Xc), (Xc.T @ yc).tolist()
        else:
            r = yc.copy()  # residual y - Xw, kept up to date
        tol = self.tol * float(yc @ yc)
        gap = np.inf
        for sweep in range(1, self.max_iter + 1):
            if covariance:
                d_max, w_max = _sweep_covariance(w, gram_rows, xty, col_sq, l1, l2)
            else:
                d_max, w_max = _sweep_residual(w, Xc, r, col_sq, l1, l2)
            if w_max == 0.0 or d_max / w_max < self.tol or sweep == self.max_iter:
                gap = self._duality_gap(Xc, yc, w, yc - Xc @ w, l1, l2)
                if gap < tol:
                    break
        self.coef_ = w
        self.intercept_ = float(y_mean - x_mean @ w)
        self.n_iter_ = sweep
        self.dual_gap_ = gap
        self.n_features_in_ = p
        return self

    @staticmethod
    def _duality_gap(
        X: np.ndarray, y: np.ndarray, w: np.ndarray, r: np.ndarray, l1: float, l2: float
    ) -> float:
        """Primal minus the dual at the rescaled residual (how far from optimal we are)."""
        XtA = X.T @ r - l2 * w
        dual_norm = float(np.max(np.abs(XtA))) if XtA.size else 0.0
        r2 = float(r @ r)
        if dual_norm > l1:
            const = l1 / dual_norm
            gap = 0.5 * (r2 + r2 * const**2)
        else:
            const = 1.0
            gap = r2
        return float(
            gap + l1 * np.abs(w).sum() - const * (r @ y) + 0.5 * l2 * (1 + const**2) * (w @ w)
        )


def _sweep_covariance(
    w: np.ndarray,
    gram_rows: list[np.ndarray],
    xty: list[float],
    col_sq: list[float],
    l1: float,
    l2: float,
) -> tuple[float, float]:
    """One cyclic pass, :math:`x_j^\\top r_j = (X^\\top y)_j - G_j^\\top w + G_{jj}w_j`;
    updates ``w`` in place, returns (largest change, largest weight)."""
    d_max = w_max = 0.0
    dot = np.dot
    for j, (sq, old) in enumerate(zip(col_sq, w.tolist(), strict=True)):  # floats: fast
        if sq == 0.0:  # a constant feature: its weight stays 0
            continue
        rho = xty[j] - float(dot(gram_rows[j], w)) + sq * old
        # soft_threshold(rho, l1) / (sq + l2), inlined: this line runs p times a sweep.
        shrunk = abs(rho) - l1
        new = math.copysign(shrunk, rho) / (sq + l2) if shrunk > 0.0 else 0.0
        if new != old:
            w[j] = new
            if abs(new - old) > d_max:
                d_max = abs(new - old)
        if abs(new) > w_max:
            w_max = abs(new)
    return d_max, w_max


def _sweep_residual(
    w: np.ndarray, X: np.ndarray, r: np.ndarray, col_sq: list[float], l1: float, l2: float
) -> tuple[float, float]:
    """One cyclic pass keeping the residual ``r`` = y - Xw; updates ``w`` and ``r`` in
    place, returns (largest change, largest weight)."""
    d_max = w_max = 0.0
    for j, sq in enumerate(col_sq):
        if sq == 0.0:
            continue
        old = w[j]
        x_j = X[:, j]
        rho = x_j.dot(r) + sq * old
        w[j] = new = soft_threshold(rho, l1) / (sq + l2)
        if new != old:
            r -= (new - old) * x_j
        if abs(new - old) > d_max:
            d_max = abs(new - old)
        if abs(new) > w_max:
            w_max = abs(new)
    return d_max, w_max


class Lasso(ElasticNet):
    """L1-penalised least squares: :class:`ElasticNet` with ``l1_ratio=1``."""

    def __init__(
        self,
        alpha: float = 1.0,
        fit_intercept: bool = True,
        max_iter: int = 1000,
        tol: float = 1e-4,
    ) -> None:
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol

    @property
    def l1_ratio(self) -> float:  # type: ignore[override]
        return 1.0

    @l1_ratio.setter
    def l1_ratio(self, value: float) -> None:  # pragma: no cover - fixed by design
        raise AttributeError("Lasso has l1_ratio fixed at 1; use ElasticNet to change it.")
