"""Parity: ladder.ml.model_selection against sklearn.model_selection.

Splits must be identical index for index (same RandomState draws). Scores come from the
same estimator fitted on the same rows, so they are equal to rounding (rtol=1e-12).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

skms = pytest.importorskip("sklearn.model_selection")
from sklearn.datasets import load_diabetes, load_iris  # noqa: E402
from sklearn.linear_model import Ridge as SkRidge  # noqa: E402
from sklearn.neighbors import KNeighborsClassifier as SkKNN  # noqa: E402

from ladder.ml import model_selection as ours  # noqa: E402
from ladder.ml.regularized import Ridge  # noqa: E402

Xd, yd = load_diabetes(return_X_y=True)
Xi, yi = load_iris(return_X_y=True)


def same_splits(ours_cv, sk_cv, X, y):
    """The one helper for splitters: identical (train, test) index pairs."""
    a, b = list(ours_cv.split(X, y)), list(sk_cv.split(X, y))
    assert len(a) == len(b)
    for (tr1, te1), (tr2, te2) in zip(a, b, strict=True):
        np.testing.assert_array_equal(tr1, tr2)
        np.testing.assert_array_equal(te1, te2)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"random_state": 0},
        {"test_size": 0.3, "random_state": 1},
        {"train_size": 100, "random_state": 2},
        {"test_size": 17, "shuffle": False},
    ],
)
def test_train_test_split(kwargs):
    for a, b in zip(
        ours.train_test_split(Xd, yd, **kwargs),
        skms.train_test_split(Xd, yd, **kwargs),
        strict=True,
    ):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("n_splits", [2, 5, 7])
@pytest.mark.parametrize("shuffle,seed", [(False, None), (True, 0), (True, 42)])
def test_kfold(n_splits, shuffle, seed):
    same_splits(
        ours.KFold(n_splits, shuffle=shuffle, random_state=seed),
        skms.KFold(n_splits, shuffle=shuffle, random_state=seed),
        Xd,
        yd,
    )


@pytest.mark.parametrize("n_splits", [3, 5])
@pytest.mark.parametrize("shuffle,seed", [(False, None), (True, 0)])
def test_stratified_kfold(n_splits, shuffle, seed):
    y = np.r_[yi[50:], yi[:50]]  # classes appear as 1, 2, 0: tests appearance order
    same_splits(
        ours.StratifiedKFold(n_splits, shuffle=shuffle, random_state=seed),
        skms.StratifiedKFold(n_splits, shuffle=shuffle, random_state=seed),
        Xi,
        y,
    )


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.integers(0, 3), min_size=6, max_size=40), st.integers(2, 4), st.integers(0, 1000)
)
def test_property_stratified_kfold_matches(labels, n_splits, seed):
    y = np.array(labels)
    X = np.zeros((len(y), 1))
    if np.all(n_splits > np.bincount(y)[np.unique(y)]) or len(y) < n_splits:  # both refuse
        with pytest.raises(ValueError):
            list(ours.StratifiedKFold(n_splits).split(X, y))
        with pytest.raises(ValueError):
            list(skms.StratifiedKFold(n_splits).split(X, y))
        return
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sklearn warns when a class is smaller than k
        same_splits(
            ours.StratifiedKFold(n_splits, shuffle=True, random_state=seed),
            skms.StratifiedKFold(n_splits, shuffle=True, random_state=seed),
            X,
            y,
        )


def test_cross_val_score_same_with_our_and_their_ridge():
    a = ours.cross_val_score(Ridge(alpha=0.5), Xd, yd, cv=5)
    b = skms.cross_val_score(SkRidge(alpha=0.5), Xd, yd, cv=5)
    np.testing.assert_allclose(a, b, rtol=1e-9)  # Ridge parity tolerance


def test_grid_search_regression():
    grid = {"alpha": [0.001, 0.01, 0.1, 1.0, 10.0], "fit_intercept": [True, False]}
    a = ours.GridSearchCV(SkRidge(), grid, cv=4).fit(Xd, yd)
    b = skms.GridSearchCV(SkRidge(), grid, cv=4).fit(Xd, yd)
    assert a.cv_results_["params"] == b.cv_results_["params"]
    np.testing.assert_allclose(
        a.cv_results_["mean_test_score"], b.cv_results_["mean_test_score"], rtol=1e-12
    )
    np.testing.assert_allclose(
        a.cv_results_["std_test_score"], b.cv_results_["std_test_score"], rtol=1e-9
    )
    np.testing.assert_array_equal(
        a.cv_results_["rank_test_score"], b.cv_results_["rank_test_score"]
    )
    assert a.best_params_ == b.best_params_
    np.testing.assert_allclose(a.predict(Xd), b.predict(Xd), rtol=1e-12)


def test_grid_search_classifier_uses_stratified_folds():
    grid = {"n_neighbors": [1, 3, 5, 9]}
    a = ours.GridSearchCV(SkKNN(), grid, cv=5).fit(Xi, yi)
    b = skms.GridSearchCV(SkKNN(), grid, cv=5).fit(Xi, yi)
    np.testing.assert_allclose(
        a.cv_results_["mean_test_score"], b.cv_results_["mean_test_score"], rtol=1e-12
    )
    assert a.best_params_ == b.best_params_


def test_learning_curve():
    a = ours.learning_curve(SkRidge(), Xd, yd, cv=5)
    b = skms.learning_curve(SkRidge(), Xd, yd, cv=5)
    for x, z in zip(a, b, strict=True):
        np.testing.assert_allclose(x, z, rtol=1e-12)


def test_validation_curve():
    rng = [1e-3, 1e-1, 1.0, 10.0]
    a = ours.validation_curve(SkRidge(), Xd, yd, param_name="alpha", param_range=rng, cv=3)
    b = skms.validation_curve(SkRidge(), Xd, yd, param_name="alpha", param_range=rng, cv=3)
    for x, z in zip(a, b, strict=True):
        np.testing.assert_allclose(x, z, rtol=1e-12)


def test_errors():
    with pytest.raises(ValueError, match="n_splits=500"):
        list(ours.KFold(500).split(Xi))
    with pytest.raises(ValueError, match="test_size=1.5"):
        ours.train_test_split(Xi, test_size=1.5)
    with pytest.raises(ValueError, match="scoring='bogus'"):
        ours.cross_val_score(SkRidge(), Xd, yd, scoring="bogus")
