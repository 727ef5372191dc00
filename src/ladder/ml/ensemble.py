r"""Ensembles of trees: averaging (random forest) and boosting (gradient boosting).

**Random forest** (Breiman, 2001): grow ``n_estimators`` deep trees, each on a bootstrap
sample (``n`` rows drawn with replacement) and trying only ``max_features`` random
features at each split; average their class probabilities. Averaging many
de-correlated, low-bias trees cuts the variance of one tree. The trees are the CART
trees of :class:`~ladder.ml.tree.DecisionTreeClassifier`, grown by
:func:`~ladder.ml.tree_levelwise.grow_levelwise` (every node of a depth at once, the
bootstrap as draw counts; proven to build the same tree in
``tests/ml/test_tree_levelwise.py``), which is what brings a 100-tree forest within
reach of scikit-learn's compiled one.

**Gradient boosting** (Friedman, 2001) for classification with the log loss: start from
the log-odds of the class prior, :math:`F_0`; at stage ``m`` fit a small regression tree
to the negative gradient :math:`r_i = y_i - p_i` (the residual on the probability
scale), replace each leaf's value by one Newton step
:math:`\gamma = \sum r_i / \sum p_i(1 - p_i)`, and add it shrunk by the learning rate:
:math:`F_m = F_{m-1} + \nu\,\gamma(x)`. With ``K > 2`` classes there is one tree per
class per stage on :math:`r_{ik} = [y_i = k] - p_{ik}` (softmax), leaf value
:math:`\frac{K-1}{K}\sum r / \sum |r|(1 - |r|)` — scikit-learn's choices.

Randomness differs from scikit-learn's, so parity is accuracy on the same split within a
stated margin (``tests/ml/test_ensemble.py``).
"""

from __future__ import annotations

import numbers

import numpy as np
from numpy.typing import ArrayLike

from ladder.ml.base import (
    BaseEstimator,
    ClassifierMixin,
    check_classification_targets,
    check_features,
    check_is_fitted,
    check_param,
    check_random_state,
    check_X_y,
)
from ladder.ml.logistic import sigmoid, softmax
from ladder.ml.tree import DecisionTreeClassifier, DecisionTreeRegressor
from ladder.ml.tree_levelwise import grow_levelwise, rank_features

__all__ = ["RandomForestClassifier", "GradientBoostingClassifier"]


class RandomForestClassifier(BaseEstimator, ClassifierMixin):
    """Bagged CART trees with random feature subsets at each split.

    Attributes: ``classes_``, ``estimators_`` (the fitted trees).
    """

    def __init__(
        self,
        n_estimators: int = 100,
        criterion: str = "gini",
        max_depth: int | None = None,
        min_samples_split: int = 2,
        min_samples_leaf: int = 1,
        max_features: int | float | str | None = "sqrt",
        bootstrap: bool = True,
        random_state: int | None = None,
    ) -> None:
        self.n_estimators = n_estimators
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.max_features = max_features
        self.bootstrap = bootstrap
        self.random_state = random_state

    def fit(self, X: ArrayLike, y: ArrayLike) -> RandomForestClassifier:
        check_param("n_estimators", self.n_estimators, kind=numbers.Integral, low=1)
        X, y = check_X_y(X, y, y_numeric=False)
        self.classes_ = check_classification_targets(y)
        rng = check_random_state(self.random_state)
        n, d = X.shape
        y_index = np.searchsorted(self.classes_, y)
        ranks = rank_features(X)  # once for the forest; any bootstrap keeps the order
        self.estimators_ = []
        for _ in range(self.n_estimators):
            # The bootstrap as draw counts instead of repeated rows: the same tree.
            draws = rng.integers(0, n, n) if self.bootstrap else None
            tree = DecisionTreeClassifier(
                criterion=self.criterion,
                max_depth=self.max_depth,
                min_samples_split=self.min_samples_split,
                min_samples_leaf=self.min_samples_leaf,
                max_features=self.max_features,
                random_state=int(rng.integers(2**31 - 1)),
            )
            weight = None if draws is None else np.bincount(draws, minlength=n)
            k = tree._check_params(d)
            arrays = grow_levelwise(
                X,
                y_index,
                self.classes_.size,
                weight,
                criterion=self.criterion,
                max_depth=np.inf if self.max_depth is None else self.max_depth,
                min_samples_split=self.min_samples_split,
                min_samples_leaf=self.min_samples_leaf,
                n_split_features=k,
                rng=check_random_state(tree.random_state),
                ranks=ranks,
            )
            for name, value in arrays.items():
                setattr(tree, name, value)
            tree.classes_ = self.classes_
            tree.node_count_ = len(tree.feature_)
            tree.n_features_in_ = d
            self.estimators_.append(tree)
        self.n_features_in_ = d
        return self

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """Mean of the trees' class probabilities (a bootstrap may miss a class)."""
        check_is_fitted(self, "estimators_")
        X = check_features(self, X)
        P = np.zeros((X.shape[0], self.classes_.size))
        for tree in self.estimators_:
            cols = np.searchsorted(self.classes_, tree.classes_)
            P[:, cols] += tree.predict_proba(X)
        return P / len(self.estimators_)

    def predict(self, X: ArrayLike) -> np.ndarray:
        P = self.predict_proba(X)  # checks fitted first
        return self.classes_[np.argmax(P, axis=1)]


class GradientBoostingClassifier(BaseEstimator, ClassifierMixin):
    """Gradient-boosted regression trees on the log loss (binary or softmax).

    Attributes: ``classes_``, ``init_`` (initial raw scores), ``estimators_``
    (list of stages, each a list of K' trees), ``train_score_`` (log loss per stage).
    """

    def __init__(
        self,
        n_estimators: int = 100,
        learning_rate: float = 0.1,
        max_depth: int = 3,
        min_samples_split: int = 2,
        min_samples_leaf: int = 1,
        subsample: float = 1.0,
        random_state: int | None = None,
    ) -> None:
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.subsample = subsample
        self.random_state = random_state

    def fit(self, X: ArrayLike, y: ArrayLike) -> GradientBoostingClassifier:
        check_param("n_estimators", self.n_estimators, kind=numbers.Integral, low=1)
        check_param("learning_rate", self.learning_rate, low=0.0, low_inclusive=False)
        check_param("subsample", self.subsample, low=0.0, high=1.0, low_inclusive=False)
        X, y = check_X_y(X, y, y_numeric=False)
        self.classes_ = check_classification_targets(y)
        rng = check_random_state(self.random_state)
        K = self.classes_.size
        Y = (y[:, None] == self.classes_[None, :]).astype(np.float64)
        prior = Y.mean(axis=0)
        n = X.shape[0]
        if K == 2:
            self.init_ = np.array([np.log(prior[1] / prior[0])])
            Y = Y[:, 1:]
        else:
            # Softmax ignores a common shift; centre as sklearn does.
            self.init_ = np.log(prior) - np.log(prior).mean()
        F = np.tile(self.init_, (n, 1))  # raw scores (n, K')
        self.estimators_, self.train_score_ = [], []
        for _ in range(self.n_estimators):
            P = sigmoid(F) if K == 2 else softmax(F)
            R = Y - P  # negative gradient of the log loss
            rows = (
                np.sort(rng.choice(n, int(self.subsample * n), replace=False))
                if self.subsample < 1.0
                else np.arange(n)
            )
            stage = []
            for k in range(R.shape[1]):
                tree = DecisionTreeRegressor(
                    max_depth=self.max_depth,
                    min_samples_split=self.min_samples_split,
                    min_samples_leaf=self.min_samples_leaf,
                ).fit(X[rows], R[rows, k])
                leaf = tree.apply(X[rows])
                r = R[rows, k]
                for node in np.unique(leaf):  # one Newton step per leaf
                    in_leaf = leaf == node
                    num = r[in_leaf].sum()
                    den = (np.abs(r[in_leaf]) * (1 - np.abs(r[in_leaf]))).sum()
                    if K > 2:
                        num *= (K - 1) / K
                    tree.value_[node] = 0.0 if abs(den) < 1e-150 else num / den
                F[:, k] += self.learning_rate * tree.predict(X)
                stage.append(tree)
            self.estimators_.append(stage)
            P = sigmoid(F) if K == 2 else softmax(F)
            p_true = (
                P[:, 0] * Y[:, 0] + (1 - P[:, 0]) * (1 - Y[:, 0])
                if K == 2
                else np.sum(P * Y, axis=1)
            )
            self.train_score_.append(float(-np.mean(np.log(np.clip(p_true, 1e-15, 1)))))
        self.n_features_in_ = X.shape[1]
        return self

    def decision_function(self, X: ArrayLike) -> np.ndarray:
        """Raw scores :math:`F_M(x)`: (n,) log-odds for two classes, else (n, K)."""
        check_is_fitted(self, "estimators_")
        X = check_features(self, X)
        F = np.tile(self.init_, (X.shape[0], 1))
        for stage in self.estimators_:
            for k, tree in enumerate(stage):
                F[:, k] += self.learning_rate * tree.predict(X)
        return F[:, 0] if F.shape[1] == 1 else F

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        F = self.decision_function(X)
        if F.ndim == 1:
            p = sigmoid(F)
            return np.column_stack([1 - p, p])
        return softmax(F)

    def predict(self, X: ArrayLike) -> np.ndarray:
        P = self.predict_proba(X)  # checks fitted first
        return self.classes_[np.argmax(P, axis=1)]
