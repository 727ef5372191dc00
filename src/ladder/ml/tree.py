r"""CART decision trees: split the data greedily on one feature at a time.

At a node with samples :math:`S`, try every feature ``j`` and every threshold ``t``
half-way between consecutive distinct values, and keep the split into
:math:`L = \{x_j \le t\}`, :math:`R = S \setminus L` that minimises the weighted impurity
:math:`|L|\,I(L) + |R|\,I(R)`:

* Gini :math:`I = 1 - \sum_k p_k^2`, entropy :math:`I = -\sum_k p_k \log_2 p_k`
  (classification, ``p_k`` the class shares in the node);
* squared error :math:`I = \frac1{|S|}\sum_{i\in S}(y_i - \bar y_S)^2` (regression).

Recurse until a node is pure, too small (``min_samples_split``, ``min_samples_leaf``)
or ``max_depth`` deep. A leaf predicts its class shares (or its mean). Nodes are
numbered depth-first, left child first, as ``sklearn.tree``'s ``tree_`` arrays, so the
same data give the same ``feature_``/``threshold_`` arrays where no two splits tie
(``tests/ml/test_tree.py``). The split search is vectorised: one sort per feature and
cumulative class counts give every candidate's impurity at once. A random forest grows
the same trees a whole depth at a time (:mod:`ladder.ml.tree_levelwise`).
"""

from __future__ import annotations

import math
import numbers

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
    check_random_state,
    check_X_y,
)

__all__ = ["DecisionTreeClassifier", "DecisionTreeRegressor"]

LEAF = -1
EPSILON = np.finfo(np.float64).eps
FEATURE_THRESHOLD = 1e-7  # values closer than this are treated as equal (as sklearn)


def _impurity(counts: np.ndarray, n: np.ndarray, criterion: str) -> np.ndarray:
    """Impurity from class counts (..., K) and totals (...), all totals positive.

    Gini is :func:`_gini` of the exact sum of squared integer counts. Entropy adds the
    classes one at a time, in order, so the same counts give the same float whatever
    the array's layout — the level-wise builder (:mod:`ladder.ml.tree_levelwise`)
    relies on it to grow the same trees.
    """
    if criterion == "gini":
        return _gini((counts**2).sum(axis=-1), n)
    h = np.zeros(np.shape(n))
    for k in range(counts.shape[-1]):
        p = counts[..., k] / n
        h -= np.where(p > 0, p * np.log2(np.where(p > 0, p, 1.0)), 0.0)
    return h


def _gini(sq: np.ndarray, n: np.ndarray) -> np.ndarray:
    """:math:`1 - \\sum_k (c_k / n)^2` from :math:`\\sum_k c_k^2` (scikit-learn's formula)."""
    return 1.0 - sq / n**2


class _BaseTree(BaseEstimator):
    def __init__(
        self,
        criterion: str = "gini",
        max_depth: int | None = None,
        min_samples_split: int = 2,
        min_samples_leaf: int = 1,
        max_features: int | float | str | None = None,
        random_state: int | None = None,
    ) -> None:
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.max_features = max_features
        self.random_state = random_state

    _criteria: tuple[str, ...] = ()

    def _check_params(self, n_features: int) -> int:
        check_param("criterion", self.criterion, choices=self._criteria)
        if self.max_depth is not None:
            check_param("max_depth", self.max_depth, kind=numbers.Integral, low=1)
        check_param("min_samples_split", self.min_samples_split, kind=numbers.Integral, low=2)
        check_param("min_samples_leaf", self.min_samples_leaf, kind=numbers.Integral, low=1)
        mf = self.max_features
        if mf is None:
            return n_features
        if mf == "sqrt":
            return max(1, int(math.sqrt(n_features)))
        if mf == "log2":
            return max(1, int(math.log2(n_features)))
        if isinstance(mf, numbers.Integral) and not isinstance(mf, bool) and 1 <= mf:
            return min(int(mf), n_features)
        if isinstance(mf, float) and 0.0 < mf <= 1.0:
            return max(1, int(mf * n_features))
        raise ValueError(
            f"max_features={mf!r} is not valid; pass None, 'sqrt', 'log2', an int >= 1 "
            "or a float in (0, 1]."
        )

    # --- per-criterion hooks ---------------------------------------------------------
    def _node_stats(self, T: np.ndarray) -> tuple[np.ndarray, float]:
        """Leaf value and impurity of a node whose targets are ``T``."""
        raise NotImplementedError

    def _split_costs(self, Ts: np.ndarray) -> np.ndarray:
        """Weighted child impurity for a split after each position of sorted ``Ts``."""
        raise NotImplementedError

    def _grow(self, X: np.ndarray, T: np.ndarray) -> None:
        n, d = X.shape
        k = self._check_params(d)
        rng = check_random_state(self.random_state)
        max_depth = np.inf if self.max_depth is None else self.max_depth
        feature, threshold, left, right, value, impurity, n_node = [], [], [], [], [], [], []

        def build(idx: np.ndarray, depth: int) -> int:
            node = len(feature)
            val, imp = self._node_stats(T[idx])
            for lst, v in (
                (feature, LEAF),
                (threshold, np.nan),
                (left, LEAF),
                (right, LEAF),
                (value, val),
                (impurity, imp),
                (n_node, idx.size),
            ):
                lst.append(v)
            m = idx.size
            if (
                depth >= max_depth
                or m < self.min_samples_split
                or m < 2 * self.min_samples_leaf
                or imp <= EPSILON
            ):
                return node
            best = self._best_split(X[idx], T[idx], k, rng)
            if best is None:
                return node
            j, thr = best
            go_left = X[idx, j] <= thr
            feature[node], threshold[node] = j, thr
            left[node] = build(idx[go_left], depth + 1)
            right[node] = build(idx[~go_left], depth + 1)
            return node

        build(np.arange(n), 0)
        self.feature_ = np.array(feature)
        self.threshold_ = np.array(threshold)
        self.children_left_ = np.array(left)
        self.children_right_ = np.array(right)
        self.value_ = np.array(value, dtype=np.float64)
        self.impurity_ = np.array(impurity)
        self.n_node_samples_ = np.array(n_node)
        self.node_count_ = len(feature)
        self.n_features_in_ = d
        self.max_depth_ = self.get_depth()

    def _best_split(self, X: np.ndarray, T: np.ndarray, k: int, rng: np.random.Generator):
        m, d = X.shape
        feats = np.arange(d) if k == d else np.sort(rng.choice(d, size=k, replace=False))
        Xf = X[:, feats]
        order = np.argsort(Xf, axis=0, kind="stable")
        Xs = np.take_along_axis(Xf, order, axis=0)  # (m, f) each column sorted
        cost = self._split_costs(T[order])  # (m - 1, f): split between i and i + 1
        pos = np.arange(1, m)[:, None]
        ok = Xs[1:] > Xs[:-1] + FEATURE_THRESHOLD
        ok &= (pos >= self.min_samples_leaf) & (m - pos >= self.min_samples_leaf)
        if not ok.any():
            return None
        cost = np.where(ok, cost, np.inf)
        # First best in feature order, then position (column-major argmin).
        flat = int(np.argmin(cost.T))
        f, i = divmod(flat, m - 1)
        lo, hi = Xs[i, f], Xs[i + 1, f]
        thr = (lo + hi) / 2.0
        if thr == hi or np.isinf(thr):
            thr = lo
        return int(feats[f]), float(thr)

    # --- prediction ------------------------------------------------------------------
    def apply(self, X: ArrayLike) -> np.ndarray:
        """Index of the leaf each sample of ``X`` lands in."""
        check_is_fitted(self, "feature_")
        X = check_features(self, X)
        node = np.zeros(X.shape[0], dtype=int)
        active = self.feature_[node] != LEAF
        while active.any():
            rows = np.flatnonzero(active)
            nd = node[rows]
            go_left = X[rows, self.feature_[nd]] <= self.threshold_[nd]
            node[rows] = np.where(go_left, self.children_left_[nd], self.children_right_[nd])
            active = self.feature_[node] != LEAF
        return node

    def get_depth(self) -> int:
        """Longest root-to-leaf path (edges)."""
        depth = np.zeros(len(self.feature_), dtype=int)
        for i in range(len(self.feature_)):  # parents come before children (pre-order)
            for c in (self.children_left_[i], self.children_right_[i]):
                if c != LEAF:
                    depth[c] = depth[i] + 1
        return int(depth.max())

    def get_n_leaves(self) -> int:
        return int(np.sum(self.feature_ == LEAF))


class DecisionTreeClassifier(_BaseTree, ClassifierMixin):
    """CART classifier (``criterion`` "gini" or "entropy").

    Attributes: ``classes_``, and the tree arrays ``feature_``, ``threshold_``,
    ``children_left_``, ``children_right_``, ``value_`` (class shares per node),
    ``impurity_``, ``n_node_samples_``, ``node_count_``.
    """

    _criteria = ("gini", "entropy")

    def fit(self, X: ArrayLike, y: ArrayLike) -> DecisionTreeClassifier:
        X, y = check_X_y(X, y, y_numeric=False)
        self.classes_ = check_classification_targets(y)
        Y = (y[:, None] == self.classes_[None, :]).astype(np.float64)
        self._grow(X, Y)
        return self

    def _node_stats(self, T: np.ndarray) -> tuple[np.ndarray, float]:
        counts = T.sum(axis=0)
        return counts / counts.sum(), float(
            _impurity(counts, np.array(counts.sum()), self.criterion)
        )

    def _split_costs(self, Ts: np.ndarray) -> np.ndarray:
        # Ts: (m, f, K) one-hot labels in each feature's sorted order.
        m = Ts.shape[0]
        left = np.cumsum(Ts, axis=0)[:-1]  # (m-1, f, K)
        right = left[-1:] + Ts[-1:] - left
        n_l = np.arange(1, m, dtype=np.float64)[:, None]
        n_r = m - n_l
        return n_l * _impurity(
            left, np.broadcast_to(n_l, left.shape[:2]), self.criterion
        ) + n_r * _impurity(right, np.broadcast_to(n_r, right.shape[:2]), self.criterion)

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """Class shares of the leaf each sample reaches."""
        leaves = self.apply(X)  # checks fitted first
        return self.value_[leaves]

    def predict(self, X: ArrayLike) -> np.ndarray:
        P = self.predict_proba(X)  # checks fitted first
        return self.classes_[np.argmax(P, axis=1)]


class DecisionTreeRegressor(_BaseTree, RegressorMixin):
    """CART regressor (squared error); each leaf predicts the mean of its targets."""

    _criteria = ("squared_error",)

    def __init__(
        self,
        criterion: str = "squared_error",
        max_depth: int | None = None,
        min_samples_split: int = 2,
        min_samples_leaf: int = 1,
        max_features: int | float | str | None = None,
        random_state: int | None = None,
    ) -> None:
        super().__init__(
            criterion, max_depth, min_samples_split, min_samples_leaf, max_features, random_state
        )

    def fit(self, X: ArrayLike, y: ArrayLike) -> DecisionTreeRegressor:
        X, y = check_X_y(X, y)
        self._grow(X, y)
        return self

    def _node_stats(self, T: np.ndarray) -> tuple[float, float]:
        return float(T.mean()), float(T.var())

    def _split_costs(self, Ts: np.ndarray) -> np.ndarray:
        # Sum of squared errors left + right, from running sums of y and y^2.
        m = Ts.shape[0]
        s1, s2 = np.cumsum(Ts, axis=0)[:-1], np.cumsum(Ts**2, axis=0)[:-1]
        t1, t2 = Ts.sum(axis=0), (Ts**2).sum(axis=0)
        n_l = np.arange(1, m, dtype=np.float64)[:, None]
        n_r = m - n_l
        return (s2 - s1**2 / n_l) + ((t2 - s2) - (t1 - s1) ** 2 / n_r)

    def predict(self, X: ArrayLike) -> np.ndarray:
        leaves = self.apply(X)  # checks fitted first
        return self.value_[leaves]
