"""Parity: LinearSVC (primal Newton, dual coordinate descent) and SVC (SMO) against
sklearn.svm.

Both sides solve the same convex problems (liblinear's, with the bias as a penalised
weight on a constant feature; libsvm's) to a gradient/KKT tolerance:
- LinearSVC, squared hinge, tol 1e-8 on both: the primal is strongly convex, so the
  weights agree to ~1e-8 whichever solver (ours: finite Newton on the primal, or dual
  coordinate descent; sklearn picks primal or dual by the same ``dual="auto"`` rule);
  we ask atol=1e-6. Hinge at our tol=1e-5 (the plain Python loop is slow): weights
  within 1e-4 of sklearn's converged ones.
- SVC, tol=1e-6 on both: the dual optimum is pinned to ~tol, decision values of size
  O(1) agree to 1e-4 absolute; predictions identical.
"""

from __future__ import annotations

import numpy as np
import pytest

sks = pytest.importorskip("sklearn.svm")
from sklearn.datasets import load_breast_cancer, load_digits, load_wine  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

from ladder.ml.svm import SVC, LinearSVC  # noqa: E402


def data(loader):
    X, y = loader(return_X_y=True)
    X = StandardScaler().fit_transform(X)
    return train_test_split(X, y, test_size=0.3, random_state=0)


def same_svm(ours, theirs, loader, atol):
    """The one helper: fit both on the same split, compare decisions and predictions."""
    Xtr, Xte, ytr, yte = data(loader)
    ours.fit(Xtr, ytr)
    theirs.fit(Xtr, ytr)
    np.testing.assert_allclose(
        ours.decision_function(Xte), theirs.decision_function(Xte), atol=atol
    )
    np.testing.assert_array_equal(ours.predict(Xte), theirs.predict(Xte))
    return ours, theirs


@pytest.mark.parametrize("loader", [load_breast_cancer, load_wine])
def test_linear_svc_squared_hinge(loader):
    a, b = same_svm(
        LinearSVC(tol=1e-8, max_iter=5000, random_state=0),
        sks.LinearSVC(tol=1e-8, max_iter=100_000),
        loader,
        1e-6,
    )
    np.testing.assert_allclose(a.coef_, b.coef_, atol=1e-6)


@pytest.mark.parametrize("dual", [True, False])
def test_linear_svc_squared_hinge_both_solvers(dual):
    # Same optimum from either side of the duality; sklearn solves the same way round.
    a, b = same_svm(
        LinearSVC(tol=1e-8, max_iter=5000, random_state=0, dual=dual),
        sks.LinearSVC(tol=1e-8, max_iter=100_000, dual=dual),
        load_wine,
        1e-6,
    )
    np.testing.assert_allclose(a.coef_, b.coef_, atol=1e-6)


def test_linear_svc_primal_ten_classes():
    # One-vs-rest over 10 digits with 64 pixels (some constant): 10 Newton solves.
    # sklearn's own primal solver stalls here with ||grad f|| ~ 1e-5 (weights off by
    # ~1e-6), so the reference is its dual solver at tol=1e-8, which pins them to ~1e-9.
    ref = sks.LinearSVC(tol=1e-8, max_iter=100_000, dual=True)
    a, b = same_svm(LinearSVC(tol=1e-8, dual=False), ref, load_digits, 1e-6)
    np.testing.assert_allclose(a.coef_, b.coef_, atol=1e-6)


def test_linear_svc_auto_uses_dual_for_wide_data():
    # Fewer samples than features: "auto" takes the dual (sklearn's rule); one step per
    # sweep is reported, far more than the primal's few Newton steps.
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(20, 40)), np.array([0, 1] * 10)
    ours = LinearSVC(tol=1e-8, max_iter=10_000, random_state=0).fit(X, y)
    ref = sks.LinearSVC(tol=1e-8, max_iter=100_000).fit(X, y)
    np.testing.assert_allclose(ours.coef_, ref.coef_, atol=1e-6)
    primal = LinearSVC(tol=1e-8, dual=False).fit(X, y)
    np.testing.assert_allclose(primal.coef_, ref.coef_, atol=1e-6)


def test_linear_svc_primal_refuses_hinge():
    X, y = load_wine(return_X_y=True)
    with pytest.raises(ValueError, match="dual=False with loss='hinge'"):
        LinearSVC(loss="hinge", dual=False).fit(X, y)


def test_linear_svc_hinge():
    a, b = same_svm(
        LinearSVC(loss="hinge", tol=1e-5, max_iter=5000, random_state=0),
        sks.LinearSVC(loss="hinge", tol=1e-8, max_iter=100_000),
        load_wine,
        1e-4,  # decision values: measured gap 2e-5 (weights 7e-6) at our tol=1e-5
    )
    np.testing.assert_allclose(a.coef_, b.coef_, atol=1e-4)


@pytest.mark.parametrize("kernel", ["rbf", "linear", "poly"])
def test_svc_binary(kernel):
    a, b = same_svm(
        SVC(kernel=kernel, tol=1e-6), sks.SVC(kernel=kernel, tol=1e-6), load_breast_cancer, 1e-4
    )
    np.testing.assert_array_equal(a.support_, np.sort(b.support_))  # sklearn groups by class


@pytest.mark.parametrize("C", [0.1, 10.0])
def test_svc_multiclass_one_vs_one(C):
    same_svm(
        SVC(C=C, tol=1e-6), sks.SVC(C=C, tol=1e-6, decision_function_shape="ovo"), load_wine, 1e-4
    )
