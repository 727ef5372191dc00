r"""k-nearest neighbours: predict from the ``k`` closest training samples.

Distance: Minkowski :math:`d(a, b) = (\sum_j |a_j - b_j|^p)^{1/p}` (``p=2`` Euclidean,
``p=1`` Manhattan). The classifier votes; the regressor averages. With
``weights="distance"`` each neighbour counts :math:`1/d` (an exact match, :math:`d=0`,
takes all the weight). No training happens: ``fit`` stores the data — the model *is*
the data, which is why KNN is slow to predict and suffers in high dimension.

Same predictions as ``sklearn.neighbors.KNeighborsClassifier`` /
``KNeighborsRegressor(algorithm="brute")``; ties in the vote go to the smallest label,
as there.

**Equidistant neighbours.** When several training samples tie for the ``k``-th place,
which ones count is a convention. scikit-learn's is that of its selection heap: it scans
the training samples in order and keeps the ``k`` best in a max-heap; a sample enters
only if it is *strictly* closer than the worst one kept, and then replaces the heap's
root. So the first samples at the tied distance are admitted, but a later, closer sample
evicts whichever tied sample sits at the root, not necessarily the last one. The
survivors are therefore not simply the lowest indices (``k = 3``, distances
``[1, 1, 1, 0, 0]`` keep samples 1, 3, 4). :func:`_heap_select` replays that scan for the
rows with a tie at the boundary; elsewhere a stable sort gives the same set.
scikit-learn's k-d and ball trees visit the samples in tree order instead, so on more
than one leaf (30 samples) they can keep other tied samples than its brute search: the
convention is an implementation detail, and a prediction that depends on it is a coin
toss the data did not settle. Parity (many exact ties on integer grids):
``tests/ml/test_neighbors_ties.py``; without ties: ``tests/ml/test_neighbors_bayes.py``.

The heap is scikit-learn's on one thread. On several OpenMP threads its brute search
splits the training set into chunks of 256 samples, keeps one heap per thread and merges
them, so the tied samples kept past 256 training samples depend on the number of
threads; the parity tests therefore run scikit-learn on one thread.
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


def _heap_select(dist: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` samples kept by scikit-learn's fixed-size max-heap scan.

    ``dist`` is one row of distances, scanned in training order. ``values[0]`` is the
    worst distance kept; a new sample is pushed only if strictly better, replacing the
    root, then sifted down (swap with the larger child while that child is larger).
    """
    values, index = [np.inf] * k, [-1] * k
    for j, d in enumerate(dist.tolist()):
        if d >= values[0]:
            continue
        pos = 0
        while True:
            left, right = 2 * pos + 1, 2 * pos + 2
            if left >= k:
                break
            child = left if right >= k or values[left] >= values[right] else right
            if not d < values[child]:
                break
            values[pos], index[pos] = values[child], index[child]
            pos = child
        values[pos], index[pos] = d, j
    return np.array(index)


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
        first; equidistant ones in index order. Which samples tied at the ``k``-th
        distance are included follows scikit-learn (see the module docstring)."""
        check_is_fitted(self, "n_features_in_")
        X = check_features(self, X)
        D = pairwise_distances(X, self._X, self.p)
        k = self.n_neighbors
        order = np.argsort(D, axis=1, kind="stable")
        idx = order[:, :k]
        if k < D.shape[1]:
            # Rows where the k-th and (k+1)-th distances tie: choose as scikit-learn does.
            ranked = np.take_along_axis(D, order[:, k - 1 : k + 1], axis=1)
            for row in np.flatnonzero(ranked[:, 0] == ranked[:, 1]):
                chosen = _heap_select(D[row], k)
                idx[row] = chosen[np.lexsort((chosen, D[row, chosen]))]
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
