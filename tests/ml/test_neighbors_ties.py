"""KNN with many exact distance ties: the same neighbours and predictions as scikit-learn.

Features on small integer grids make most distances tie exactly (integer squared
distances are exact in float64 on both sides, whatever the order of summation), so
which equidistant samples fill the last places decides the vote. scikit-learn's brute
search keeps those of its selection heap (see ``ladder.ml.neighbors``) when it runs on one
thread (on several, past 256 training samples, it merges one heap per thread and the
kept set depends on the thread count: every test here pins one thread); its k-d and ball
trees keep others (tested below), so parity is with ``algorithm="brute"``. Neighbours
are compared as sets (scikit-learn does not order equidistant ones). Vote shares and
means are ratios of the same small integers or distances: rtol=1e-12.
"""

from __future__ import annotations

import numpy as np
import pytest

skn = pytest.importorskip("sklearn.neighbors")
from sklearn.datasets import load_iris  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from ladder.ml.neighbors import (  # noqa: E402
    KNeighborsClassifier,
    KNeighborsRegressor,
    _heap_select,
)


@pytest.fixture(autouse=True)
def _one_thread():
    """scikit-learn's brute search on one OpenMP thread: its documented single heap."""
    with threadpool_limits(limits=1, user_api="openmp"):
        yield


def _grid(seed, n_train, n_test, d, levels=4):
    rng = np.random.default_rng(seed)
    Xtr = rng.integers(0, levels, size=(n_train, d)).astype(float)
    Xte = rng.integers(0, levels, size=(n_test, d)).astype(float)
    y = rng.choice(np.array([3, 7, 11]), size=n_train)  # labels that are not 0..n-1
    t = rng.normal(size=n_train)
    return Xtr, Xte, y, t


def _same_sets(ours, theirs, X):
    d_ours, i_ours = ours.kneighbors(X)
    d_sk, i_sk = theirs.kneighbors(X)
    np.testing.assert_array_equal(d_ours, d_sk)  # sorted distances: exact
    for row, (a, b) in enumerate(zip(i_ours, i_sk, strict=True)):
        assert set(a) == set(b), f"query {row}: ours {sorted(a)}, scikit-learn {sorted(b)}"


@pytest.mark.parametrize("p", [1, 2])
@pytest.mark.parametrize("weights", ["uniform", "distance"])
@pytest.mark.parametrize("seed,n_train,d,k", [(0, 40, 1, 4), (1, 120, 2, 7), (2, 300, 3, 15)])
def test_classifier_with_many_ties(p, weights, seed, n_train, d, k):
    Xtr, Xte, y, _ = _grid(seed, n_train, 60, d)
    ours = KNeighborsClassifier(n_neighbors=k, weights=weights, p=p).fit(Xtr, y)
    theirs = skn.KNeighborsClassifier(n_neighbors=k, weights=weights, p=p, algorithm="brute").fit(
        Xtr, y
    )
    _same_sets(ours, theirs, Xte)
    np.testing.assert_allclose(ours.predict_proba(Xte), theirs.predict_proba(Xte), rtol=1e-12)
    np.testing.assert_array_equal(ours.predict(Xte), theirs.predict(Xte))


@pytest.mark.parametrize("weights", ["uniform", "distance"])
@pytest.mark.parametrize("seed,n_train,d,k", [(3, 50, 1, 3), (4, 200, 2, 9)])
def test_regressor_with_many_ties(weights, seed, n_train, d, k):
    Xtr, Xte, _, t = _grid(seed, n_train, 80, d)
    ours = KNeighborsRegressor(n_neighbors=k, weights=weights).fit(Xtr, t)
    theirs = skn.KNeighborsRegressor(n_neighbors=k, weights=weights, algorithm="brute")
    theirs.fit(Xtr, t)
    _same_sets(ours, theirs, Xte)
    np.testing.assert_allclose(ours.predict(Xte), theirs.predict(Xte), rtol=1e-12)


def test_ties_decide_the_prediction_somewhere():
    # Guard against a vacuous test: with the lowest-index rule instead, some predictions
    # on these grids would differ from scikit-learn's.
    Xtr, Xte, _, t = _grid(4, 200, 80, 2)
    ours = KNeighborsRegressor(n_neighbors=9).fit(Xtr, t)
    D = np.sqrt(((Xte[:, None, :] - Xtr[None, :, :]) ** 2).sum(-1))
    lowest_index = np.argsort(D, axis=1, kind="stable")[:, :9]
    assert not np.allclose(t[lowest_index].mean(axis=1), ours.predict(Xte))


def test_iris_duplicates_and_ties():
    # Iris is measured to 0.1 cm: duplicate flowers and equal distances are common.
    X, y = load_iris(return_X_y=True)
    Xtr, Xte, ytr = X[::2], X[1::2], y[::2]
    for k in (1, 5, 12):
        ours = KNeighborsClassifier(n_neighbors=k, p=1).fit(Xtr, ytr)
        theirs = skn.KNeighborsClassifier(n_neighbors=k, p=1, algorithm="brute")
        theirs.fit(Xtr, ytr)
        _same_sets(ours, theirs, Xte)
        np.testing.assert_array_equal(ours.predict(Xte), theirs.predict(Xte))


def test_the_heap_rule_by_hand():
    # Distances [1, 1, 1, 0, 0], k = 3: samples 0, 1, 2 enter; sample 3 (closer) evicts
    # the root, which after the sifts is sample 2; sample 4 then evicts sample 0, the new
    # root. Samples 1, 3, 4 remain, where the lowest-index rule would keep 0, 3, 4.
    assert sorted(_heap_select(np.array([1.0, 1.0, 1.0, 0.0, 0.0]), 3)) == [1, 3, 4]
    X = np.array([[1.0], [-1.0], [1.0], [0.0], [0.0]])
    knn = KNeighborsClassifier(n_neighbors=3).fit(X, [0, 1, 0, 1, 1])
    dist, idx = knn.kneighbors([[0.0]])
    assert idx.tolist() == [[3, 4, 1]] and dist.tolist() == [[0.0, 0.0, 1.0]]
    for algorithm in ("brute", "kd_tree", "ball_tree"):  # one leaf: all three agree
        theirs = skn.KNeighborsClassifier(n_neighbors=3, algorithm=algorithm)
        theirs.fit(X, [0, 1, 0, 1, 1])
        assert set(theirs.kneighbors([[0.0]])[1][0]) == {1, 3, 4}


def test_scikit_learns_trees_break_ties_otherwise():
    # Why parity is stated for algorithm="brute": on many leaves the k-d tree keeps
    # other equidistant samples than the brute search (the distances are the same).
    Xtr, Xte, y, _ = _grid(1, 120, 60, 2)
    brute = skn.KNeighborsClassifier(n_neighbors=7, algorithm="brute").fit(Xtr, y)
    tree = skn.KNeighborsClassifier(n_neighbors=7, algorithm="kd_tree").fit(Xtr, y)
    (d_b, i_b), (d_t, i_t) = brute.kneighbors(Xte), tree.kneighbors(Xte)
    np.testing.assert_array_equal(d_b, d_t)
    assert any(set(a) != set(b) for a, b in zip(i_b, i_t, strict=True))
