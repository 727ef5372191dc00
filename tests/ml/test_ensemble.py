"""Parity: random forest and gradient boosting against sklearn.ensemble.

Gradient boosting has no randomness at subsample=1, so on continuous data without
tied splits the boosted model is the same function: decision_function equal to 1e-9
(sums of the same Newton steps in float64). On real datasets, and for the random forest
(whose bootstrap and feature draws use another generator), we require the test accuracy
on the same split within a stated margin: 0.04 (about 7 test samples of 171) for the
forest, 0.03 for boosting.
"""

from __future__ import annotations

import numpy as np
import pytest

ske = pytest.importorskip("sklearn.ensemble")
from sklearn.datasets import load_breast_cancer, load_wine  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

from ladder.ml.ensemble import GradientBoostingClassifier, RandomForestClassifier  # noqa: E402

rng = np.random.default_rng(0)
X_CONT = rng.normal(size=(400, 6))
Y2 = (X_CONT[:, 0] + X_CONT[:, 1] ** 2 + 0.5 * rng.normal(size=400) > 1).astype(int)
Y3 = Y2 + (X_CONT[:, 2] > 1)


def accuracies(ours_cls, sk_cls, loader, **params):
    """The one helper: both fitted on the same split, test accuracies returned."""
    X, y = loader(return_X_y=True)
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, random_state=0)
    a = ours_cls(random_state=0, **params).fit(Xtr, ytr).score(Xte, yte)
    b = sk_cls(random_state=0, **params).fit(Xtr, ytr).score(Xte, yte)
    return a, b


@pytest.mark.parametrize("y", [Y2, Y3], ids=["binary", "3-class"])
def test_gradient_boosting_same_function_without_ties(y):
    params = dict(n_estimators=20, max_depth=2, min_samples_leaf=10)
    a = GradientBoostingClassifier(**params).fit(X_CONT, y)
    b = ske.GradientBoostingClassifier(random_state=0, **params).fit(X_CONT, y)
    np.testing.assert_allclose(
        a.decision_function(X_CONT), b.decision_function(X_CONT), rtol=1e-9, atol=1e-9
    )
    np.testing.assert_allclose(a.predict_proba(X_CONT), b.predict_proba(X_CONT), atol=1e-9)


@pytest.mark.parametrize("loader", [load_breast_cancer, load_wine])
def test_gradient_boosting_accuracy(loader):
    a, b = accuracies(
        GradientBoostingClassifier, ske.GradientBoostingClassifier, loader, n_estimators=30
    )
    assert abs(a - b) <= 0.03, (a, b)


@pytest.mark.parametrize("loader", [load_breast_cancer, load_wine])
def test_random_forest_accuracy(loader):
    a, b = accuracies(RandomForestClassifier, ske.RandomForestClassifier, loader, n_estimators=30)
    assert abs(a - b) <= 0.04, (a, b)


def test_random_forest_is_reproducible_from_random_state():
    p1 = RandomForestClassifier(n_estimators=5, random_state=3).fit(X_CONT, Y3)
    p2 = RandomForestClassifier(n_estimators=5, random_state=3).fit(X_CONT, Y3)
    np.testing.assert_array_equal(p1.predict_proba(X_CONT), p2.predict_proba(X_CONT))
