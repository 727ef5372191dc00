"""Parity: Ridge, Lasso, ElasticNet against sklearn.linear_model on the diabetes data.

Ridge: both solve the same SPD system by Cholesky in float64: rtol=1e-9.
Lasso/ElasticNet: both run coordinate descent to a duality gap below tol*||y||^2; with
tol=1e-12 on both sides the unique minimiser is pinned far below 1e-9 relative (the gap
bounds the objective error, and the strongly convex part bounds the coefficient error;
measured: at most 1.5e-11 absolute on coefficients of O(100)): rtol=1e-9, atol=1e-9.
Diabetes (n > p) runs our covariance updates; a wide Gaussian design (n < p, unique lasso
solution with probability 1) runs the residual updates, against the same sklearn fits.
"""

from __future__ import annotations

import numpy as np
import pytest

sklm = pytest.importorskip("sklearn.linear_model")
from sklearn.datasets import load_diabetes  # noqa: E402

from ladder.ml import regularized as ours  # noqa: E402

X, y = load_diabetes(return_X_y=True)


rng = np.random.default_rng(0)
X_WIDE = rng.normal(size=(40, 100))
Y_WIDE = X_WIDE[:, :5] @ np.array([3.0, -2.0, 1.5, 0.0, 1.0]) + 0.5 * rng.normal(size=40)


def same_fit(name, rtol, atol, data=(X, y), **params):
    """The one helper: fit ours and sklearn's class of the same name, compare."""
    a = getattr(ours, name)(**params).fit(*data)
    b = getattr(sklm, name)(**params).fit(*data)
    np.testing.assert_allclose(a.coef_, b.coef_, rtol=rtol, atol=atol)
    np.testing.assert_allclose(a.intercept_, b.intercept_, rtol=rtol, atol=atol)
    np.testing.assert_allclose(a.predict(data[0]), b.predict(data[0]), rtol=rtol, atol=atol)
    return a, b


@pytest.mark.parametrize("alpha", [0.01, 1.0, 100.0])
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_ridge(alpha, fit_intercept):
    same_fit("Ridge", 1e-9, 1e-9, alpha=alpha, fit_intercept=fit_intercept)


@pytest.mark.parametrize("alpha", [0.01, 0.1, 1.0])
def test_lasso(alpha):
    a, b = same_fit("Lasso", 1e-9, 1e-9, alpha=alpha, tol=1e-12, max_iter=100_000)
    # Same sparsity pattern: the L1 term zeroes the same coefficients.
    np.testing.assert_array_equal(a.coef_ == 0, b.coef_ == 0)


@pytest.mark.parametrize("l1_ratio", [0.1, 0.5, 0.9])
def test_elastic_net(l1_ratio):
    same_fit("ElasticNet", 1e-9, 1e-9, alpha=0.01, l1_ratio=l1_ratio, tol=1e-12, max_iter=100_000)


@pytest.mark.parametrize(
    ("name", "params"), [("Lasso", {"alpha": 0.1}), ("ElasticNet", {"alpha": 0.1, "l1_ratio": 0.5})]
)
def test_wide_data_residual_updates(name, params):
    a, b = same_fit(name, 1e-9, 1e-9, (X_WIDE, Y_WIDE), tol=1e-12, max_iter=100_000, **params)
    np.testing.assert_array_equal(a.coef_ == 0, b.coef_ == 0)
    assert a.n_iter_ == b.n_iter_  # same cyclic order, same stopping rule: same sweeps


def test_same_sweeps_as_sklearn():
    # Covariance updates change the arithmetic, not the algorithm: sklearn's sweep count.
    a = ours.Lasso(alpha=0.1).fit(X, y)
    b = sklm.Lasso(alpha=0.1).fit(X, y)
    assert a.n_iter_ == b.n_iter_


def test_lasso_default_tol_close_enough():
    # With sklearn's default tol=1e-4 both stop after the same number of sweeps (the test
    # above) at the same point; only float64 summation order differs, so 1e-9 relative.
    a = ours.Lasso(alpha=0.1).fit(X, y)
    b = sklm.Lasso(alpha=0.1).fit(X, y)
    np.testing.assert_allclose(a.predict(X), b.predict(X), rtol=1e-9)


def test_bad_l1_ratio():
    with pytest.raises(ValueError, match="l1_ratio=1.5"):
        ours.ElasticNet(l1_ratio=1.5).fit(X, y)
