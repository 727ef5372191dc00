"""Parity: the level-wise tree builder (used by the random forest) against the recursive
``DecisionTreeClassifier`` that the lesson reads.

Both search the same candidate splits with the same cost formula (``tree._impurity``;
Gini from exact sums of squared integer counts, entropy summed class by class), so with
every feature a candidate the trees must be equal node for node, float for float —
including ties, which both break by the first feature, then the first position. A
bootstrap given as draw counts must give the tree of the repeated rows.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer, load_digits, load_iris

from ladder.ml.tree import DecisionTreeClassifier
from ladder.ml.tree_levelwise import _draw_features, grow_levelwise, rank_features

ARRAYS = [
    "feature_",
    "threshold_",
    "children_left_",
    "children_right_",
    "value_",
    "impurity_",
    "n_node_samples_",
    "max_depth_",
]

rng = np.random.default_rng(0)
X_CONT = rng.normal(size=(300, 5))
Y_CONT = (X_CONT[:, 0] + X_CONT[:, 1] ** 2 + 0.5 * rng.normal(size=300) > 1).astype(int) + (
    X_CONT[:, 2] > 1
)


def assert_same_tree(X, y, weight=None, **params) -> int:
    """The one helper: the recursive tree on the (repeated) rows and the level-wise tree
    on the rows with their counts; every array equal. Returns the node count."""
    rows = np.arange(len(y)) if weight is None else np.repeat(np.arange(len(y)), weight)
    ref = DecisionTreeClassifier(**params).fit(X[rows], y[rows])
    classes, y_index = np.unique(y, return_inverse=True)
    max_depth = params.pop("max_depth", None)
    got = grow_levelwise(
        X,
        y_index,
        len(classes),
        weight,
        max_depth=np.inf if max_depth is None else max_depth,
        **params,
    )
    value = ref.value_
    if len(ref.classes_) < len(classes):  # a bootstrap can miss a class: align columns
        value = np.zeros((ref.node_count_, len(classes)))
        value[:, np.searchsorted(classes, ref.classes_)] = ref.value_
    for name in ARRAYS:
        expected = value if name == "value_" else getattr(ref, name)
        np.testing.assert_array_equal(got[name], expected, err_msg=name)
    return ref.node_count_


@pytest.mark.parametrize("criterion", ["gini", "entropy"])
@pytest.mark.parametrize(
    "params",
    [{}, {"max_depth": 3}, {"min_samples_leaf": 7}, {"min_samples_split": 30, "max_depth": 6}],
)
def test_same_tree_as_the_recursive_builder(criterion, params):
    for loader in (load_digits, load_breast_cancer, load_iris):
        X, y = loader(return_X_y=True)
        X, y = X[:400], y[:400]  # enough for deep trees and tied discrete splits
        assert assert_same_tree(X, y, criterion=criterion, **params) >= 3
    assert assert_same_tree(X_CONT, Y_CONT, criterion=criterion, **params) >= 3


@pytest.mark.parametrize("criterion", ["gini", "entropy"])
def test_bootstrap_counts_give_the_tree_of_the_repeated_rows(criterion):
    X, y = load_digits(return_X_y=True)
    X, y = X[:400], y[:400]
    draws = np.random.default_rng(1).integers(0, len(y), len(y))
    weight = np.bincount(draws, minlength=len(y))
    assert (weight == 0).any() and (weight > 1).any()
    assert assert_same_tree(X, y, weight, criterion=criterion) > 40
    assert assert_same_tree(X, y, weight, criterion=criterion, min_samples_leaf=3) > 20


def test_missing_class_in_the_bootstrap():
    X, y = load_iris(return_X_y=True)
    weight = (y != 1).astype(int) * 2  # class 1 never drawn, the others twice
    assert_same_tree(X, y, weight)


def test_values_closer_than_the_threshold_are_one_value():
    # Distinct values 1e-9 apart count as equal (sklearn's FEATURE_THRESHOLD), so a change
    # of rank is not always a change of value: the builder compares the values.
    X = np.round(X_CONT, 1)
    X[::3, 0] += 1e-9
    ranks = rank_features(X)
    assert not ranks[1]
    assert_same_tree(X, Y_CONT)
    assert_same_tree(X, Y_CONT, criterion="entropy", min_samples_leaf=4)


def test_rank_features():
    X = np.array([[3.0, 1.0], [1.0, 1.0], [3.0, -2.0], [2.0, 5.0]])
    rank, separated = rank_features(X)
    np.testing.assert_array_equal(rank, [[2, 1], [0, 1], [2, 0], [1, 2]])
    assert separated


@pytest.mark.parametrize("d,k", [(10, 3), (6, 5)])  # the two ways of drawing
def test_feature_draws_are_sorted_distinct_and_uniform(d, k):
    feats = _draw_features(np.random.default_rng(0), 60_000, d, k)
    assert feats.shape == (60_000, k)
    assert (np.diff(feats, axis=1) > 0).all()  # sorted, no repeats
    counts = Counter(map(tuple, feats.tolist()))
    n_subsets = len(counts)
    assert n_subsets == {(10, 3): 120, (6, 5): 6}[(d, k)]
    # Each subset's count is Binomial(60000, 1/m): within 5 standard deviations.
    mean = 60_000 / n_subsets
    assert max(abs(c - mean) for c in counts.values()) < 5 * np.sqrt(mean)
