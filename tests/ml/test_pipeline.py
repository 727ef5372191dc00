"""Pipelines and univariate feature selection: the same results as scikit-learn's
Pipeline, SelectKBest and f_classif; steps refitted inside every fold (the evaluation
lesson's leakage example is in tests/curriculum/test_ml_numbers.py)."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn import feature_selection as skfs
from sklearn import pipeline as skpipe
from sklearn import preprocessing as skpre
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression as SkLogistic
from sklearn.model_selection import StratifiedKFold as SkFold
from sklearn.model_selection import cross_val_score as sk_cross_val_score

from ladder.ml.base import NotFittedError
from ladder.ml.feature_selection import SelectKBest, f_classif
from ladder.ml.logistic import LogisticRegression
from ladder.ml.model_selection import GridSearchCV, StratifiedKFold, clone, cross_val_score
from ladder.ml.pipeline import Pipeline, make_pipeline
from ladder.ml.preprocessing import StandardScaler

X, Y = load_breast_cancer(return_X_y=True)


def test_f_classif_matches_sklearn():
    rng = np.random.default_rng(0)
    for Xs, ys in ((X, Y), (rng.normal(size=(30, 7)), rng.integers(0, 3, 30))):
        F, p = f_classif(Xs, ys)
        F_ref, p_ref = skfs.f_classif(Xs, ys)
        # sums of squares of ~500 float64 terms: relative agreement ~1e-12
        np.testing.assert_allclose(F, F_ref, rtol=1e-10)
        np.testing.assert_allclose(p, p_ref, rtol=1e-8, atol=1e-300)


def test_select_k_best_matches_sklearn_including_ties():
    rng = np.random.default_rng(1)
    Xs = rng.normal(size=(40, 12))
    Xs[:, 5] = Xs[:, 3]  # equal scores: the tie rule decides which one is kept
    ys = rng.integers(0, 2, 40)
    for k in (1, 3, 4, 12):
        ours = SelectKBest(k).fit(Xs, ys)
        ref = skfs.SelectKBest(skfs.f_classif, k=k).fit(Xs, ys)
        np.testing.assert_array_equal(ours.get_support(), ref.get_support())
        np.testing.assert_array_equal(ours.transform(Xs), ref.transform(Xs))
    with pytest.raises(ValueError, match="k must be an int"):
        SelectKBest(13).fit(Xs, ys)


def test_pipeline_matches_sklearn_and_refits_in_every_fold():
    ours = Pipeline([("scale", StandardScaler()), ("select", SelectKBest(5)),
                     ("clf", LogisticRegression(C=0.5))])  # fmt: skip
    ref = skpipe.Pipeline([("scale", skpre.StandardScaler()),
                           ("select", skfs.SelectKBest(skfs.f_classif, k=5)),
                           ("clf", SkLogistic(C=0.5, tol=1e-10, max_iter=10_000))])  # fmt: skip
    ours.fit(X[:400], Y[:400])
    ref.fit(X[:400], Y[:400])
    np.testing.assert_array_equal(ours.named_steps["select"].get_support(),
                                  ref.named_steps["select"].get_support())  # fmt: skip
    # same optimum to the solvers' tolerances: probabilities agree to 1e-5
    np.testing.assert_allclose(ours.predict_proba(X[400:]), ref.predict_proba(X[400:]), atol=1e-5)
    np.testing.assert_array_equal(ours.predict(X[400:]), ref.predict(X[400:]))
    assert ours.score(X[400:], Y[400:]) == pytest.approx(ref.score(X[400:], Y[400:]))
    a = cross_val_score(clone(ours), X, Y, cv=StratifiedKFold(5))
    b = sk_cross_val_score(ref, X, Y, cv=SkFold(5))
    np.testing.assert_allclose(a, b, atol=1e-12)


def test_params_clone_and_grid_search():
    pipe = make_pipeline(StandardScaler(), SelectKBest(3), LogisticRegression())
    assert [n for n, _ in pipe.steps] == ["standardscaler", "selectkbest", "logisticregression"]
    assert pipe.get_params()["selectkbest__k"] == 3
    pipe.set_params(selectkbest__k=4)
    assert pipe.named_steps["selectkbest"].k == 4
    copy = clone(pipe)
    assert copy.steps[1][1] is not pipe.steps[1][1] and copy.steps[1][1].k == 4
    search = GridSearchCV(pipe, {"selectkbest__k": [2, 8]}, cv=StratifiedKFold(3)).fit(X, Y)
    assert search.best_params_["selectkbest__k"] in (2, 8)
    with pytest.raises(ValueError, match="'<step>__<param>'"):
        pipe.set_params(nosuchstep__k=1)


def test_bad_pipelines():
    with pytest.raises(ValueError, match="non-empty list"):
        Pipeline([]).fit(X, Y)
    with pytest.raises(ValueError, match="unique"):
        Pipeline([("a", StandardScaler()), ("a", LogisticRegression())]).fit(X, Y)
    with pytest.raises(TypeError, match="no fit/transform"):
        Pipeline([("clf", LogisticRegression()), ("scale", StandardScaler())]).fit(X, Y)
    with pytest.raises(NotFittedError):
        make_pipeline(StandardScaler(), LogisticRegression()).predict(X)
