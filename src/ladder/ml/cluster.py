r"""k-means clustering with k-means++ seeding.

Minimise the *inertia* :math:`\sum_i \min_k \|x_i - \mu_k\|^2` by Lloyd's algorithm:
assign each point to its nearest centre, move each centre to the mean of its points,
repeat until the centres move less than ``tol`` (relative to the data's variance).
Each step can only lower the inertia, so it converges — to a *local* minimum, which is
why the start matters and why ``n_init`` restarts keep the best run.

**k-means++** (Arthur & Vassilvitskii, 2007): the first centre is a random point; each
next one is drawn with probability :math:`\propto D(x)^2`, the squared distance to the
nearest centre so far. Like scikit-learn we draw ``2 + log k`` candidates and keep the
one that lowers the potential most ("greedy" k-means++).

The assignment step is one matrix product: :math:`\|x - \mu\|^2 = \|x\|^2 - 2x\cdot\mu +
\|\mu\|^2` and :math:`\|x\|^2` is the same for every centre, so the nearest centre is the
argmin of :math:`\|\mu\|^2 - 2x\cdot\mu` (scikit-learn's shortcut; BLAS does the work).
The update sums each cluster's points with one product of the one-hot assignments.

Parity with ``sklearn.cluster.KMeans`` (``tests/ml/test_cluster.py``): the same
partition and inertia on well-separated data; on digits an inertia within a stated margin.
"""

from __future__ import annotations

import numbers

import numpy as np
from numpy.typing import ArrayLike

from ladder.ml.base import (
    BaseEstimator,
    check_array,
    check_features,
    check_is_fitted,
    check_param,
    check_random_state,
)

__all__ = ["KMeans", "kmeans_plusplus"]


def _sq_dist(X: np.ndarray, C: np.ndarray, x_sq: np.ndarray | None = None) -> np.ndarray:
    """(n, k) squared Euclidean distances :math:`\\|x\\|^2 - 2x\\cdot c + \\|c\\|^2` (one
    matrix product; ``x_sq`` = the rows' squared norms, if already known)."""
    d = X @ C.T
    d *= -2.0
    d += (X**2).sum(1)[:, None] if x_sq is None else x_sq[:, None]
    d += (C**2).sum(1)[None, :]
    return np.maximum(d, 0.0, out=d)


def kmeans_plusplus(
    X: np.ndarray, n_clusters: int, rng: np.random.Generator, x_sq: np.ndarray | None = None
) -> np.ndarray:
    """Greedy k-means++ initial centres (n_clusters, d)."""
    n = X.shape[0]
    x_sq = (X**2).sum(1) if x_sq is None else x_sq
    n_trials = 2 + int(np.log(n_clusters))
    centers = [X[rng.integers(n)]]
    closest = _sq_dist(X, centers[0][None], x_sq)[:, 0]
    for _ in range(1, n_clusters):
        total = closest.sum()
        if total == 0:  # fewer distinct points than clusters: any point will do
            cand = rng.integers(n, size=n_trials)
        else:
            cand = np.searchsorted(np.cumsum(closest), rng.random(n_trials) * total)
            cand = np.minimum(cand, n - 1)
        d_cand = np.minimum(closest[:, None], _sq_dist(X, X[cand], x_sq))  # (n, trials)
        best = int(np.argmin(d_cand.sum(axis=0)))
        centers.append(X[cand[best]])
        closest = d_cand[:, best]
    return np.array(centers)


class KMeans(BaseEstimator):
    """k-means (Lloyd) with k-means++ or random initialisation.

    Attributes: ``cluster_centers_`` (k, d), ``labels_``, ``inertia_``, ``n_iter_``.
    """

    def __init__(
        self,
        n_clusters: int = 8,
        init: str = "k-means++",
        n_init: int = 1,
        max_iter: int = 300,
        tol: float = 1e-4,
        random_state: int | None = None,
    ) -> None:
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def fit(self, X: ArrayLike, y: ArrayLike | None = None) -> KMeans:
        check_param("n_clusters", self.n_clusters, kind=numbers.Integral, low=1)
        check_param("init", self.init, choices=("k-means++", "random"))
        check_param("n_init", self.n_init, kind=numbers.Integral, low=1)
        check_param("max_iter", self.max_iter, kind=numbers.Integral, low=1)
        check_param("tol", self.tol, low=0.0)
        X = check_array(X)
        if X.shape[0] < self.n_clusters:
            raise ValueError(
                f"n_samples={X.shape[0]} is smaller than n_clusters={self.n_clusters}; "
                "lower n_clusters."
            )
        rng = check_random_state(self.random_state)
        tol = self.tol * float(np.mean(np.var(X, axis=0)))
        x_sq = (X**2).sum(1)
        best = None
        for _ in range(self.n_init):
            if self.init == "k-means++":
                C = kmeans_plusplus(X, self.n_clusters, rng, x_sq)
            else:
                C = X[rng.choice(X.shape[0], self.n_clusters, replace=False)]
            run = self._lloyd(X, C, tol, x_sq)
            if best is None or run[2] < best[2]:
                best = run
        self.cluster_centers_, self.labels_, self.inertia_, self.n_iter_ = best
        self.n_features_in_ = X.shape[1]
        return self

    def _lloyd(self, X: np.ndarray, C: np.ndarray, tol: float, x_sq: np.ndarray):
        n, k = X.shape[0], C.shape[0]
        rows = np.arange(n)
        member = np.zeros((n, k))  # one-hot assignment: the centre sums are member.T @ X
        it = 0
        for it in range(1, self.max_iter + 1):  # noqa: B007 (it is reported after)
            # Nearest centre: ||x||^2 is the same for every centre of a row, so the
            # argmin of ||c||^2 - 2 x.c is enough (scikit-learn's shortcut).
            scores = X @ C.T
            scores *= -2.0
            scores += (C**2).sum(1)
            labels = scores.argmin(axis=1)
            member[rows, labels] = 1.0
            counts = member.sum(axis=0)
            new = member.T @ X
            member[rows, labels] = 0.0
            empty = counts == 0  # an empty cluster keeps its centre
            new[~empty] /= counts[~empty, None]
            new[empty] = C[empty]
            shift = float(((new - C) ** 2).sum())
            C = new
            if shift <= tol:
                break
        D = _sq_dist(X, C, x_sq)
        labels = np.argmin(D, axis=1)
        return C, labels, float(D[rows, labels].sum()), it

    def predict(self, X: ArrayLike) -> np.ndarray:
        """Index of the nearest centre."""
        check_is_fitted(self, "cluster_centers_")
        return np.argmin(_sq_dist(check_features(self, X), self.cluster_centers_), axis=1)

    def fit_predict(self, X: ArrayLike, y: ArrayLike | None = None) -> np.ndarray:
        return self.fit(X).labels_

    def transform(self, X: ArrayLike) -> np.ndarray:
        """Distances (n, k) to each centre."""
        check_is_fitted(self, "cluster_centers_")
        return np.sqrt(_sq_dist(check_features(self, X), self.cluster_centers_))

    def score(self, X: ArrayLike, y: ArrayLike | None = None) -> float:
        """Minus the inertia of ``X`` (higher is better, as sklearn)."""
        return -float(np.min(self.transform(X) ** 2, axis=1).sum())
