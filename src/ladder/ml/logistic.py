r"""Logistic regression: binary (sigmoid) and multinomial (softmax), L2-penalised.

Binary, labels :math:`y_i \in \{0, 1\}`, :math:`z_i = x_i^\top w + b`,
:math:`\sigma(z) = 1/(1 + e^{-z})`:

.. math:: J(w, b) = C \sum_i \big[\log(1 + e^{z_i}) - y_i z_i\big] + \tfrac12\|w\|^2

:math:`\nabla J = C\,\tilde X^\top(\sigma(z) - y) + (w, 0)`,
:math:`\nabla^2 J = C\,\tilde X^\top S \tilde X + \mathrm{diag}(1, \dots, 1, 0)` with
:math:`S = \mathrm{diag}(\sigma_i(1 - \sigma_i))` and :math:`\tilde X = [X, 1]`.

Multinomial, ``K`` classes, :math:`Z = XW^\top + b`, :math:`P = \mathrm{softmax}(Z)`,
one-hot :math:`Y`:

.. math:: J(W, b) = C \sum_i \big[\log\textstyle\sum_k e^{z_{ik}} - z_{i y_i}\big]
   + \tfrac12\|W\|_F^2, \qquad \nabla_{W, b} J = C (P - Y)^\top \tilde X + (W, 0).

This is exactly ``sklearn.linear_model.LogisticRegression(C=C)`` (the intercept is not
penalised). Solvers: ``"newton"`` (Newton's method, i.e. iteratively reweighted least
squares, with a backtracking line search; for the softmax the Newton system is solved
by conjugate gradients with Hessian-vector products, never forming the
:math:`Kd \times Kd` Hessian — sklearn's ``newton-cg`` idea) and ``"gd"`` (gradient
descent with step
:math:`1/L`, :math:`L` a bound on the Hessian). The softmax's intercepts are only
defined up to a common shift; we report the ones summing to zero.
Parity: ``tests/ml/test_logistic.py``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from ladder.ml.base import (
    BaseEstimator,
    ClassifierMixin,
    check_classification_targets,
    check_features,
    check_is_fitted,
    check_param,
    check_X_y,
)

__all__ = ["LogisticRegression", "sigmoid", "softmax"]


def sigmoid(z: ArrayLike) -> np.ndarray:
    """:math:`1/(1+e^{-z})`, computed without overflow for large :math:`|z|`.

    >>> sigmoid([0.0, 1000.0, -1000.0])
    array([0.5, 1. , 0. ])
    """
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def softmax(Z: ArrayLike) -> np.ndarray:
    """Row-wise :math:`e^{z_k}/\\sum_j e^{z_j}`, shifted by the row max for stability."""
    Z = np.asarray(Z, dtype=np.float64)
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def _cg_solve(
    hessp: Callable[[np.ndarray], np.ndarray], g: np.ndarray, tol: float, max_iter: int = 200
) -> np.ndarray:
    """Solve :math:`Hs = g` by linear conjugate gradients, using only products
    :math:`Hv` (``scipy.sparse.linalg.cg``'s algorithm). Started from 0 it stays in the
    range of :math:`H`, so the softmax's flat intercept direction does no harm."""
    s = np.zeros_like(g)
    r = g.copy()
    p = r.copy()
    rr = float(r @ r)
    stop = (tol * np.sqrt(rr)) ** 2
    for _ in range(max_iter):
        if rr <= stop:
            break
        Hp = hessp(p)
        curv = float(p @ Hp)
        if curv <= 0:
            break
        a = rr / curv
        s += a * p
        r -= a * Hp
        rr_new = float(r @ r)
        p = r + (rr_new / rr) * p
        rr = rr_new
    return s if s.any() else g


class LogisticRegression(BaseEstimator, ClassifierMixin):
    """L2-regularised logistic regression, binary or softmax.

    Parameters
    ----------
    C : float > 0
        Inverse regularisation strength: the data term is multiplied by ``C``.
    solver : {"newton", "gd"}
    max_iter : int
    tol : float
        Stop when the gradient's largest entry is below ``tol``.
    fit_intercept : bool

    Attributes
    ----------
    classes_ : ndarray (n_classes,)
    coef_ : ndarray (1, n_features) for two classes, else (n_classes, n_features)
    intercept_ : ndarray (1,) or (n_classes,)
    n_iter_ : int
    """

    def __init__(
        self,
        C: float = 1.0,
        solver: str = "newton",
        max_iter: int = 100,
        tol: float = 1e-8,
        fit_intercept: bool = True,
    ) -> None:
        self.C = C
        self.solver = solver
        self.max_iter = max_iter
        self.tol = tol
        self.fit_intercept = fit_intercept

    # --- the objective, gradient and Hessian on the flat parameter vector -------------
    def _design(self, X: np.ndarray) -> np.ndarray:
        return np.column_stack([X, np.ones(X.shape[0])]) if self.fit_intercept else X

    def _penalty_mask(self, p: int) -> np.ndarray:
        mask = np.ones(p + int(self.fit_intercept))
        if self.fit_intercept:
            mask[-1] = 0.0  # the intercept is not penalised
        return mask

    def _objective(
        self, theta: np.ndarray, Xt: np.ndarray, Y: np.ndarray, mask: np.ndarray, w: np.ndarray
    ):
        """Loss, gradient and a Hessian closure; ``theta`` is (K', d) flattened; ``w`` are
        the sample weights (each sample's loss term is multiplied by its weight)."""
        K, d = Y.shape[1] if Y.shape[1] > 2 else 1, Xt.shape[1]
        T = theta.reshape(K, d)
        Z = Xt @ T.T
        pen = 0.5 * float(np.sum(mask * T**2))
        if K == 1:
            z, y = Z[:, 0], Y[:, 1]
            loss = self.C * float(w @ (np.logaddexp(0.0, z) - y * z)) + pen
            s = sigmoid(z)
            grad = self.C * (Xt.T @ (w * (s - y))) + mask * T[0]

            def hess() -> np.ndarray:
                return self.C * (Xt.T * (w * s * (1 - s))) @ Xt + np.diag(mask)

            return loss, grad, hess
        zmax = Z.max(axis=1, keepdims=True)
        lse = zmax[:, 0] + np.log(np.exp(Z - zmax).sum(axis=1))
        loss = self.C * float(w @ (lse - np.sum(Y * Z, axis=1))) + pen
        P = softmax(Z)
        G = self.C * (w[:, None] * (P - Y)).T @ Xt + mask * T

        def hess() -> Callable[[np.ndarray], np.ndarray]:
            # Softmax: Hessian-vector products instead of the (Kd x Kd) matrix.
            # For a direction V (K, d): (H v) = C * M^T X~ + mask * V, where
            # M = P * (X~V^T - rowsum(P * X~V^T)).
            def hessp(v: np.ndarray) -> np.ndarray:
                V = v.reshape(K, d)
                Zv = Xt @ V.T
                M = w[:, None] * P * (Zv - np.sum(P * Zv, axis=1, keepdims=True))
                return (self.C * M.T @ Xt + mask * V).ravel()

            return hessp

        return loss, G.ravel(), hess

    def fit(
        self, X: ArrayLike, y: ArrayLike, sample_weight: ArrayLike | None = None
    ) -> LogisticRegression:
        """Minimise ``C · Σ_i w_i · loss_i + ½‖coef‖²`` (``w`` = ``sample_weight``, default 1),
        as scikit-learn does with ``sample_weight``."""
        check_param("C", self.C, low=0.0, low_inclusive=False)
        check_param("solver", self.solver, choices=("newton", "gd"))
        check_param("max_iter", self.max_iter, kind=int, low=1)
        check_param("tol", self.tol, low=0.0)
        X, y = check_X_y(X, y, y_numeric=False)
        if sample_weight is None:
            w = np.ones(X.shape[0])
        else:
            w = np.asarray(sample_weight, dtype=np.float64)
            if w.shape != (X.shape[0],):
                raise ValueError(
                    f"sample_weight has shape {w.shape} but X has {X.shape[0]} rows; "
                    "pass one weight per sample."
                )
            if not np.isfinite(w).all() or (w < 0).any():
                raise ValueError("sample_weight must be finite and non-negative.")
        self.classes_ = check_classification_targets(y)
        Y = (y[:, None] == self.classes_[None, :]).astype(np.float64)  # one-hot (n, K)
        Xt = self._design(X)
        n, d = Xt.shape
        K = 1 if self.classes_.size == 2 else self.classes_.size
        mask = self._penalty_mask(X.shape[1])
        theta = np.zeros(K * d)
        f = lambda t: self._objective(t, Xt, Y, mask, w)  # noqa: E731
        loss, grad, hess = f(theta)
        if self.solver == "gd":
            # L-smooth with L <= C * lambda_max(X^T W X) * (1/4 or 1/2) + 1: step 1/L is safe.
            Xw = Xt * np.sqrt(w)[:, None]
            L = self.C * np.linalg.norm(Xw, 2) ** 2 * (0.25 if K == 1 else 0.5) + 1.0
        it = 0
        for it in range(1, self.max_iter + 1):
            if np.max(np.abs(grad)) < self.tol:
                it -= 1
                break
            if self.solver == "gd":
                theta = theta - grad / L
                loss, grad, hess = f(theta)
                continue
            H = hess()
            if callable(H):  # softmax: solve H step = grad by conjugate gradients
                step = _cg_solve(H, grad, tol=min(0.1, float(np.sqrt(np.abs(grad).max()))))
            else:
                step = np.linalg.solve(H, grad)
            t, slope = 1.0, float(grad @ step)
            while True:  # backtracking (Armijo) line search
                new = theta - t * step
                new_loss, new_grad, new_hess = f(new)
                if new_loss <= loss - 1e-4 * t * slope or t < 1e-10:
                    break
                t *= 0.5
            theta, loss, grad, hess = new, new_loss, new_grad, new_hess
        T = theta.reshape(K, d)
        self.coef_ = T[:, : X.shape[1]].copy()
        self.intercept_ = T[:, -1].copy() if self.fit_intercept else np.zeros(K)
        if K > 1 and self.fit_intercept:
            self.intercept_ -= self.intercept_.mean()
        self.n_iter_ = it
        self.n_features_in_ = X.shape[1]
        return self

    def decision_function(self, X: ArrayLike) -> np.ndarray:
        """:math:`Xw + b`: (n,) for two classes, else (n, n_classes)."""
        check_is_fitted(self, "coef_")
        X = check_features(self, X)
        Z = X @ self.coef_.T + self.intercept_
        return Z[:, 0] if Z.shape[1] == 1 else Z

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """Class probabilities (n, n_classes), columns in the order of ``classes_``."""
        Z = self.decision_function(X)
        if Z.ndim == 1:
            p = sigmoid(Z)
            return np.column_stack([1 - p, p])
        return softmax(Z)

    def predict(self, X: ArrayLike) -> np.ndarray:
        """The most probable class."""
        P = self.predict_proba(X)  # checks fitted first
        return self.classes_[np.argmax(P, axis=1)]
