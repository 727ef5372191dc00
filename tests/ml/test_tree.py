"""Parity: CART trees against sklearn.tree.

Where no two candidate splits tie, CART is deterministic, so the trees must be the same
node for node: features, sample counts, impurities and leaf values; where two splits
tie, both are optimal and we check that they do tie. sklearn casts X to float32, so its
thresholds are float32 midpoints: rtol=1e-6 on thresholds. Impurities and leaf values
are ratios of the same counts: rtol=1e-9.

Where splits tie (correlated or discrete features, tiny nodes), sklearn breaks the tie
by a random feature order that depends on its random_state, so even sklearn's own test
accuracy moves with the seed; there we require our accuracy to lie within the range
sklearn spans over 10 seeds, widened by a stated margin of 0.03.
"""

from __future__ import annotations

import numpy as np
import pytest

sktree = pytest.importorskip("sklearn.tree")
from sklearn.datasets import load_breast_cancer, load_digits, load_iris, load_wine  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

from ladder.ml.tree import DecisionTreeClassifier, DecisionTreeRegressor  # noqa: E402

rng = np.random.default_rng(0)
X_CONT = rng.normal(size=(400, 6))  # continuous: no ties between features
Y_CLS = (X_CONT[:, 0] + X_CONT[:, 1] ** 2 + 0.5 * rng.normal(size=400) > 1).astype(int) + (
    X_CONT[:, 2] > 1
)
Y_REG = 2 * X_CONT[:, 0] + np.sin(3 * X_CONT[:, 1]) + 0.1 * rng.normal(size=400)


def same_tree(ours, theirs):
    """The one helper: walk both trees in step from the root. Where the two chose the
    same split, the node must match exactly and we descend; where they chose different
    splits, those splits must tie (same weighted child impurity, the only criterion CART
    has), and the subtrees are not compared. Returns (nodes compared, ties met)."""
    t = theirs.tree_
    thr_f = np.where(t.feature < 0, -1, t.feature)
    compared, ties = 0, 0
    stack = [(0, 0)]
    while stack:
        i, j = stack.pop()
        compared += 1
        assert ours.n_node_samples_[i] == t.n_node_samples[j]
        np.testing.assert_allclose(ours.impurity_[i], t.impurity[j], rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(ours.value_[i], t.value[j].ravel(), rtol=1e-9, atol=1e-12)
        assert (ours.feature_[i] < 0) == (thr_f[j] < 0), f"node {i}: leaf on one side only"
        if ours.feature_[i] < 0:
            continue
        li, ri = ours.children_left_[i], ours.children_right_[i]
        lj, rj = t.children_left[j], t.children_right[j]
        if ours.feature_[i] == thr_f[j] and np.isclose(
            ours.threshold_[i], t.threshold[j], rtol=1e-6
        ):
            stack += [(ri, rj), (li, lj)]
            continue
        ties += 1
        cost_ours = (
            ours.n_node_samples_[li] * ours.impurity_[li]
            + ours.n_node_samples_[ri] * ours.impurity_[ri]
        )
        cost_theirs = t.n_node_samples[lj] * t.impurity[lj] + t.n_node_samples[rj] * t.impurity[rj]
        np.testing.assert_allclose(
            cost_ours,
            cost_theirs,
            rtol=1e-9,
            atol=1e-9,
            err_msg=f"node {i}: different splits that do not tie",
        )
    return compared, ties


@pytest.mark.parametrize("criterion", ["gini", "entropy"])
@pytest.mark.parametrize("max_depth,min_samples_leaf", [(3, 1), (5, 10), (None, 25)])
def test_same_tree_without_ties(criterion, max_depth, min_samples_leaf):
    params = dict(criterion=criterion, max_depth=max_depth, min_samples_leaf=min_samples_leaf)
    ours = DecisionTreeClassifier(**params).fit(X_CONT, Y_CLS)
    compared, ties = same_tree(
        ours, sktree.DecisionTreeClassifier(random_state=0, **params).fit(X_CONT, Y_CLS)
    )
    # Continuous features do not tie, but class counts do: in small nodes two different
    # splits can leave exactly the same weighted impurity (same_tree verifies each such tie
    # and skips the subtrees below it). How many occur depends on the data (0 to 3 over 25
    # draws of it: issue 20's sweep), so the check is that they stay below the root and
    # leave most of the tree compared node for node.
    assert compared > ours.node_count_ / 2


@pytest.mark.parametrize("max_depth,min_samples_leaf", [(4, 1), (None, 15)])
def test_same_regression_tree_without_ties(max_depth, min_samples_leaf):
    params = dict(max_depth=max_depth, min_samples_leaf=min_samples_leaf)
    a = DecisionTreeRegressor(**params).fit(X_CONT, Y_REG)
    b = sktree.DecisionTreeRegressor(random_state=0, **params).fit(X_CONT, Y_REG)
    compared, ties = same_tree(a, b)
    assert ties == 0 and compared == a.node_count_  # real-valued targets never tie
    np.testing.assert_allclose(a.predict(X_CONT), b.predict(X_CONT), rtol=1e-9)


@pytest.mark.parametrize("criterion", ["gini", "entropy"])
def test_iris_same_tree_for_every_sklearn_seed(criterion):
    # On iris the ties sklearn meets give the same partitions whatever its seed.
    X, y = load_iris(return_X_y=True)
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, random_state=0)
    ours = DecisionTreeClassifier(criterion=criterion).fit(Xtr, ytr)
    for seed in range(3):
        ref = sktree.DecisionTreeClassifier(criterion=criterion, random_state=seed)
        ref.fit(Xtr, ytr)
        np.testing.assert_array_equal(ours.n_node_samples_, ref.tree_.n_node_samples)
        np.testing.assert_allclose(ours.impurity_, ref.tree_.impurity, rtol=1e-9, atol=1e-12)
        assert ours.score(Xte, yte) == ref.score(Xte, yte)


@pytest.mark.parametrize("loader", [load_breast_cancer, load_wine, load_digits])
@pytest.mark.parametrize("criterion", ["gini", "entropy"])
def test_accuracy_within_sklearn_seed_range(loader, criterion):
    X, y = loader(return_X_y=True)
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, random_state=0)
    ours = DecisionTreeClassifier(criterion=criterion).fit(Xtr, ytr).score(Xte, yte)
    theirs = [
        sktree.DecisionTreeClassifier(criterion=criterion, random_state=s)
        .fit(Xtr, ytr)
        .score(Xte, yte)
        for s in range(10)
    ]
    assert min(theirs) - 0.03 <= ours <= max(theirs) + 0.03, (ours, theirs)


def test_predict_proba_rows_sum_to_one():
    m = DecisionTreeClassifier(max_depth=2).fit(X_CONT, Y_CLS)
    np.testing.assert_allclose(m.predict_proba(X_CONT).sum(axis=1), 1.0)
    assert m.get_depth() == 2
