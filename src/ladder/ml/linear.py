r"""Linear regression, three ways to the same answer.

The model is :math:`\hat y = Xw + b`. Least squares picks :math:`w, b` minimising
:math:`\|y - Xw - b\|^2`. Centring ``X`` and ``y`` removes ``b``; then

* the **normal equations** :math:`X^\top X w = X^\top y` solve it directly,
* **QR** (:math:`X = QR`, so :math:`Rw = Q^\top y`) avoids squaring the condition number,
* the **SVD** / ``lstsq`` gives the minimum-norm solution even when :math:`X` is rank-deficient.

``LinearRegression(solver=...)`` matches ``sklearn.linear_model.LinearRegression``
(``tests/ml/test_linear.py``). :func:`gradient_descent_step` is the one update that the
optimisation lesson repeats until it reaches the same point.
"""

from __future__ import annotations

from typing import Literal

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

__all__ = [
    "LinearRegression",
    "normal_equation",
    "gradient_descent_step",
    "gaussian_log_likelihood",
]

Solver = Literal["normal", "qr", "svd"]


def normal_equation(X: ArrayLike, y: ArrayLike) -> np.ndarray:
    r"""Solve :math:`X^\top X w = X^\top y` for ``w`` (no intercept; add a column of ones).

    Uses ``np.linalg.solve`` rather than forming the inverse: same answer, fewer
    rounding errors. Raises if :math:`X^\top X` is singular or nearly so (collinear
    features), where the answer would be mostly rounding noise.

    >>> normal_equation([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]], [1.0, 3.0, 5.0])
    array([1., 2.])
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    A = X.T @ X
    # Beyond ~1e12 the solve keeps fewer than 4 significant digits of float64: refuse
    # rather than return noise (exactly collinear columns land here too).
    if np.linalg.cond(A) > 1e12:
        raise np.linalg.LinAlgError(
            f"X^T X ({A.shape[0]}x{A.shape[0]}) is singular or nearly so: some features are "
            "(almost) linear combinations of others. Drop them, or use solver='svd'."
        )
    return np.linalg.solve(A, X.T @ y)


def gradient_descent_step(
    X: ArrayLike, y: ArrayLike, w: ArrayLike, learning_rate: float
) -> np.ndarray:
    r"""One batch gradient-descent step on the mean squared error.

    With :math:`L(w) = \frac{1}{n}\|Xw - y\|^2` the gradient is
    :math:`\nabla L = \frac{2}{n} X^\top (Xw - y)`, and the step is
    :math:`w \leftarrow w - \eta \nabla L`.

    >>> gradient_descent_step([[1.0], [2.0]], [2.0, 4.0], [0.0], 0.1)
    array([1.])
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    grad = (2.0 / X.shape[0]) * X.T @ (X @ w - y)
    return w - learning_rate * grad


def gaussian_log_likelihood(
    y_true: ArrayLike, y_pred: ArrayLike, sigma2: float | None = None
) -> float:
    r"""Log-likelihood of ``y_true`` under :math:`y_i \sim N(\hat y_i, \sigma^2)`, independent:

    .. math:: \ell = -\frac{n}{2}\log(2\pi\sigma^2) - \frac{SS_{res}}{2\sigma^2},
              \qquad SS_{res} = \sum_i (y_i - \hat y_i)^2

    With ``sigma2=None`` the maximum-likelihood variance :math:`SS_{res}/n` is used, which
    gives :math:`-\frac{n}{2}(\log(2\pi SS_{res}/n) + 1)`: statsmodels' ``OLS.llf``.
    Equal to ``scipy.stats.norm.logpdf(y_true, y_pred, sqrt(sigma2)).sum()``.

    >>> round(gaussian_log_likelihood([1.0, 3.0], [2.0, 2.0], sigma2=1.0), 6)
    -2.837877
    """
    y_true = np.asarray(y_true, dtype=np.float64).ravel()
    y_pred = np.asarray(y_pred, dtype=np.float64).ravel()
    if y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError(
            f"y_true and y_pred must have the same, non-zero length; got {y_true.size} and "
            f"{y_pred.size}."
        )
    n = y_true.size
    ss_res = float(np.sum((y_true - y_pred) ** 2))
    if sigma2 is None:
        sigma2 = ss_res / n
    if not sigma2 > 0:
        raise ValueError(
            f"sigma2 must be positive, got {sigma2!r} (a perfect fit has no Gaussian "
            "likelihood maximum; pass sigma2 explicitly)."
        )
    return float(-0.5 * n * np.log(2 * np.pi * sigma2) - ss_res / (2 * sigma2))


class LinearRegression(RegressorMixin, BaseEstimator):
    """Ordinary least squares with an intercept, solved in closed form.

    Parameters
    ----------
    solver : {"normal", "qr", "svd"}
        How to solve the centred least-squares problem (see the module docstring).
    fit_intercept : bool
        Learn ``intercept_``; if False the line goes through the origin.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
    intercept_ : float
    n_features_in_ : int

    ``score`` (R²) comes from :class:`~ladder.ml.base.RegressorMixin`.
    """

    def __init__(self, solver: Solver = "svd", fit_intercept: bool = True) -> None:
        self.solver = solver
        self.fit_intercept = fit_intercept

    def fit(self, X: ArrayLike, y: ArrayLike) -> LinearRegression:
        check_param("solver", self.solver, choices=("normal", "qr", "svd"))
        check_param("fit_intercept", self.fit_intercept, choices=(True, False))
        X, y = check_X_y(X, y)

        if self.fit_intercept:
            x_mean, y_mean = X.mean(axis=0), y.mean()
            Xc, yc = X - x_mean, y - y_mean
        else:
            x_mean, y_mean = np.zeros(X.shape[1]), 0.0
            Xc, yc = X, y

        if self.solver == "normal":
            w = normal_equation(Xc, yc)
        elif self.solver == "qr":
            Q, R = np.linalg.qr(Xc)  # reduced: Q (n, p), R (p, p) upper triangular
            w = np.linalg.solve(R, Q.T @ yc)
        else:
            w = np.linalg.lstsq(Xc, yc, rcond=None)[0]

        self.coef_ = w
        self.intercept_ = float(y_mean - x_mean @ w)
        self.n_features_in_ = X.shape[1]
        return self

    def predict(self, X: ArrayLike) -> np.ndarray:
        check_is_fitted(self, "coef_")
        X = check_features(self, X)
        return X @ self.coef_ + self.intercept_
