r"""k-nearest neighbours: predict from the ``k`` closest training samples.

Distance: Minkowski :math:`d(a, b) = (\sum_j |a_j - b_j|^p)^{1/p}` (``p=2`` Euclidean,
``p=1`` Manhattan). The classifier votes; the regressor averages. With
``weights="distance"`` each neighbour counts :math:`1/d` (an exact match, :math:`d=0`,
takes all the weight). No training happens: ``fit`` stores the data — the model *is*
the data, which is why KNN is slow to predict and suffers in high dimension.

Same predictions as ``sklearn.neighbors.KNeighborsClassifier`` /
``KNeighborsRegressor(algorithm="brute")``; ties in the vote go to the smallest label,
as there. Parity: ``tests/ml/test_neighbors.py``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ladder.ml.base import (
    BaseEstimator,
    ClassifierMixin,
    RegressorMixin,
    check_classification_targets,
    check_features,
    check_is_fitted,
    check_param,
    check_X_y,
)

__all__ = ["KNeighborsClassifier", "KNeighborsRegressor", "pairwise_distances"]


def pairwise_distances(A: np.ndarray, B: np.ndarray, p: float = 2) -> np.ndarray:
    """(n_a, n_b) Minkowski distances. For p=2 uses
    :math:`\\|a\\|^2 - 2a^\\top b + \\|b\\|^2` (one matrix product), clipped at 0."""
    if p == 2:
        sq = (A**2).sum(1)[:, None] - 2 * A @ B.T + (B**2).sum(1)[None, :]
        return np.sqrt(np.maximum(sq, 0.0))
    if p == 1:
        return np.abs(A[:, None, :] - B[None, :, :]).sum(-1)
    return (np.abs(A[:, None, :] - B[None, :, :]) ** p).sum(-1) ** (1.0 / p)


class _KNeighbors(BaseEstimator):
    def __init__(self, n_neighbors: int = 5, weights: str = "uniform", p: float = 2) -> None:
        self.n_neighbors = n_neighbors
        self.weights = weights
        self.p = p

    def _fit(self, X: ArrayLike, y: ArrayLike, y_numeric: bool):
        check_param("n_neighbors", self.n_neighbors, kind=int, low=1)
        check_param("weights", self.weights, choices=("uniform", "distance"))
        check_param("p", self.p, low=1.0)
        X, y = check_X_y(X, y, y_numeric=y_numeric)
        if self.n_neighbors > X.shape[0]:
            raise ValueError(
                f"n_neighbors={self.n_neighbors} is more than the {X.shape[0]} training "
                "samples; lower n_neighbors."
            )
        self.n_features_in_ = X.shape[1]
        self._X = X
        return X, y

    def kneighbors(self, X: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        """Distances and indices (n, k) of the ``k`` nearest training samples, nearest
        first (ties: the smaller training index first)."""
        check_is_fitted(self, "n_features_in_")
        X = check_features(self, X)
        D = pairwise_distances(X, self._X, self.p)
        idx = np.argsort(D, axis=1, kind="stable")[:, : self.n_neighbors]
        return np.take_along_axis(D, idx, axis=1), idx

    def _weights(self, dist: np.ndarray) -> np.ndarray:
        if self.weights == "uniform":
            return np.ones_like(dist)
        with np.errstate(divide="ignore"):
            w = 1.0 / dist
        exact = np.isinf(w)
        rows = exact.any(axis=1)
        w[rows] = exact[rows].astype(np.float64)  # exact matches take all the weight
        return w


class KNeighborsClassifier(_KNeighbors, ClassifierMixin):
    """Majority (or distance-weighted) vote among the ``k`` nearest neighbours."""

    def fit(self, X: ArrayLike, y: ArrayLike) -> KNeighborsClassifier:
        _, y = self._fit(X, y, y_numeric=False)
        self.classes_ = check_classification_targets(y)
        self._y = np.searchsorted(self.classes_, y)
        return self

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """Vote shares (n, n_classes) in the order of ``classes_``."""
        dist, idx = self.kneighbors(X)
        w = self._weights(dist)
        P = np.zeros((idx.shape[0], self.classes_.size))
        np.add.at(P, (np.arange(idx.shape[0])[:, None], self._y[idx]), w)
        return P / P.sum(axis=1, keepdims=True)

    def predict(self, X: ArrayLike) -> np.ndarray:
        """The class with the most votes; a tie goes to the smallest label."""
        P = self.predict_proba(X)  # checks fitted first
        return self.classes_[np.argmax(P, axis=1)]


class KNeighborsRegressor(_KNeighbors, RegressorMixin):
    """Mean (or distance-weighted mean) of the ``k`` nearest targets."""

    def fit(self, X: ArrayLike, y: ArrayLike) -> KNeighborsRegressor:
        _, self._y = self._fit(X, y, y_numeric=True)
        return self

    def predict(self, X: ArrayLike) -> np.ndarray:
        dist, idx = self.kneighbors(X)
        w = self._weights(dist)
        return (w * self._y[idx]).sum(axis=1) / w.sum(axis=1)
