r"""Naive Bayes: Bayes' rule with features assumed independent given the class.

.. math:: \log P(c \mid x) = \log P(c) + \sum_j \log P(x_j \mid c) - \log P(x)

* :class:`GaussianNB` — :math:`x_j \mid c \sim N(\mu_{cj}, \sigma^2_{cj})`, the per-class
  mean and (population) variance, plus ``var_smoothing`` times the largest feature
  variance added to every variance for stability (``sklearn.naive_bayes.GaussianNB``).
* :class:`MultinomialNB` — counts :math:`x_j` drawn with probabilities
  :math:`\theta_{cj} = (N_{cj} + \alpha) / (N_c + \alpha d)` (Laplace/Lidstone
  smoothing); :math:`\log P(x \mid c) = \sum_j x_j \log\theta_{cj}` + const
  (``MultinomialNB``). The model of bag-of-words text classifiers.

Parity (exact probabilities): ``tests/ml/test_naive_bayes.py``.
"""

from __future__ import annotations

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

__all__ = ["GaussianNB", "MultinomialNB"]


class _BaseNB(BaseEstimator, ClassifierMixin):
    def _joint_log_likelihood(self, X: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def _classes(self, X: ArrayLike, y: ArrayLike):
        X, y = check_X_y(X, y, y_numeric=False)
        self.classes_ = check_classification_targets(y)
        self.n_features_in_ = X.shape[1]
        Y = (y[:, None] == self.classes_[None, :]).astype(np.float64)  # (n, K)
        return X, Y

    def predict_log_proba(self, X: ArrayLike) -> np.ndarray:
        """:math:`\\log P(c \\mid x)`, normalised with log-sum-exp."""
        check_is_fitted(self, "classes_")
        jll = self._joint_log_likelihood(check_features(self, X))
        m = jll.max(axis=1, keepdims=True)
        return jll - (m + np.log(np.exp(jll - m).sum(axis=1, keepdims=True)))

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        return np.exp(self.predict_log_proba(X))

    def predict(self, X: ArrayLike) -> np.ndarray:
        check_is_fitted(self, "classes_")
        jll = self._joint_log_likelihood(check_features(self, X))
        return self.classes_[np.argmax(jll, axis=1)]


class GaussianNB(_BaseNB):
    """Gaussian naive Bayes.

    Attributes: ``classes_``, ``class_prior_``, ``class_count_``, ``theta_`` (means,
    (K, d)), ``var_`` (smoothed variances, (K, d)), ``epsilon_``.
    """

    def __init__(self, var_smoothing: float = 1e-9) -> None:
        self.var_smoothing = var_smoothing

    def fit(self, X: ArrayLike, y: ArrayLike) -> GaussianNB:
        check_param("var_smoothing", self.var_smoothing, low=0.0)
        X, Y = self._classes(X, y)
        self.epsilon_ = self.var_smoothing * float(np.var(X, axis=0).max())
        self.class_count_ = Y.sum(axis=0)
        self.theta_ = (Y.T @ X) / self.class_count_[:, None]
        self.var_ = (
            np.stack(
                [
                    np.mean((X[Y[:, k] == 1] - self.theta_[k]) ** 2, axis=0)
                    for k in range(Y.shape[1])
                ]
            )
            + self.epsilon_
        )
        self.class_prior_ = self.class_count_ / self.class_count_.sum()
        return self

    def _joint_log_likelihood(self, X: np.ndarray) -> np.ndarray:
        # log N(x | mu, var) summed over features, per class: (n, K)
        norm = -0.5 * np.sum(np.log(2.0 * np.pi * self.var_), axis=1)
        quad = -0.5 * np.sum((X[:, None, :] - self.theta_[None]) ** 2 / self.var_[None], axis=2)
        return np.log(self.class_prior_) + norm + quad


class MultinomialNB(_BaseNB):
    """Multinomial naive Bayes for non-negative counts.

    Attributes: ``class_count_``, ``feature_count_`` (K, d), ``class_log_prior_``,
    ``feature_log_prob_`` (K, d).
    """

    def __init__(self, alpha: float = 1.0, fit_prior: bool = True) -> None:
        self.alpha = alpha
        self.fit_prior = fit_prior

    def fit(self, X: ArrayLike, y: ArrayLike) -> MultinomialNB:
        check_param("alpha", self.alpha, low=0.0)
        X, Y = self._classes(X, y)
        if np.any(X < 0):
            raise ValueError(
                f"MultinomialNB needs non-negative counts, found {X.min()}; use GaussianNB "
                "for real-valued features."
            )
        alpha = max(self.alpha, 1e-10)  # as sklearn: alpha=0 would give log(0)
        self.class_count_ = Y.sum(axis=0)
        self.feature_count_ = Y.T @ X
        smoothed = self.feature_count_ + alpha
        self.feature_log_prob_ = np.log(smoothed) - np.log(smoothed.sum(axis=1, keepdims=True))
        if self.fit_prior:
            self.class_log_prior_ = np.log(self.class_count_) - np.log(self.class_count_.sum())
        else:
            self.class_log_prior_ = np.full(Y.shape[1], -np.log(Y.shape[1]))
        return self

    def _joint_log_likelihood(self, X: np.ndarray) -> np.ndarray:
        return X @ self.feature_log_prob_.T + self.class_log_prior_
