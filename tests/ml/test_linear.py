"""Parity: ladder.ml.linear against scikit-learn's LinearRegression on the diabetes data."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LinearRegression as SkLinearRegression

from ladder.ml.base import NotFittedError
from ladder.ml.linear import LinearRegression, gradient_descent_step, normal_equation

X, Y = load_diabetes(return_X_y=True)

# The centred diabetes design has condition number ~22, so the three solvers lose at
# most a few digits to rounding: float64 gives ~1e-16 * 22² ≈ 1e-13 relative error for the
# normal equations (cond squared), less for QR and the SVD. Coefficients are in the
# hundreds; 1e-9 relative leaves a wide margin while catching any real difference.
RTOL = 1e-9


@pytest.mark.parametrize("solver", ["normal", "qr", "svd"])
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_coefficients_match_sklearn(solver, fit_intercept):
    ours = LinearRegression(solver=solver, fit_intercept=fit_intercept).fit(X, Y)
    ref = SkLinearRegression(fit_intercept=fit_intercept).fit(X, Y)
    np.testing.assert_allclose(ours.coef_, ref.coef_, rtol=RTOL)
    assert ours.intercept_ == pytest.approx(ref.intercept_, rel=RTOL, abs=1e-9)
    np.testing.assert_allclose(ours.predict(X[:50]), ref.predict(X[:50]), rtol=RTOL)
    assert ours.score(X, Y) == pytest.approx(ref.score(X, Y), rel=1e-12)


def test_rank_deficient_svd_gives_sklearns_minimum_norm_solution():
    Xd = np.c_[X, X[:, 0] + X[:, 1]]  # an exact linear combination: X^T X is singular
    ours = LinearRegression(solver="svd").fit(Xd, Y)
    ref = SkLinearRegression().fit(Xd, Y)
    # Both return the minimum-norm least-squares solution; rank truncation by lstsq's
    # both call lstsq with the same rcond on the same centred matrix (measured difference 0);
    # 1e-10 leaves room for a different LAPACK driver only.
    np.testing.assert_allclose(ours.coef_, ref.coef_, rtol=1e-10, atol=1e-10)
    with pytest.raises(np.linalg.LinAlgError, match="singular"):
        LinearRegression(solver="normal").fit(Xd, Y)


def test_normal_equation_equals_lstsq():
    A = np.c_[np.ones(len(X)), X]
    np.testing.assert_allclose(
        normal_equation(A, Y), np.linalg.lstsq(A, Y, rcond=None)[0], rtol=RTOL
    )


def test_gradient_step_is_the_mse_gradient():
    """The step equals w - lr * grad, with grad from torch.autograd on the same loss."""
    torch = pytest.importorskip("torch")
    A = np.c_[np.ones(len(X)), X]
    w = np.linspace(-1, 1, A.shape[1])
    wt = torch.tensor(w, requires_grad=True)
    loss = torch.mean((torch.tensor(A) @ wt - torch.tensor(Y)) ** 2)
    loss.backward()
    # float64 on both sides; the sums over 442 rows differ only in order: 1e-12.
    np.testing.assert_allclose(
        gradient_descent_step(A, Y, w, 0.1), w - 0.1 * wt.grad.numpy(), rtol=1e-12
    )


def test_gradient_descent_reaches_the_closed_form():
    A = np.c_[np.ones(len(X)), (X - X.mean(0)) / X.std(0)]  # standardised: a round bowl
    # The Hessian (2/n) AᵀA has eigenvalues in about [0.02, 9]: a step of 0.1 is stable and
    # shrinks the error by at least 1 - 0.1 * 0.02 per step, so 20,000 steps leave < 1e-15.
    w = np.zeros(A.shape[1])
    for _ in range(20000):
        w = gradient_descent_step(A, Y, w, 0.1)
    np.testing.assert_allclose(w, np.linalg.lstsq(A, Y, rcond=None)[0], rtol=1e-8, atol=1e-8)


@pytest.mark.parametrize(
    "bad, match",
    [
        (dict(X=X[:, 0], y=Y), "must be 2-D"),
        (dict(X=X, y=Y[:-1]), "one target per row"),
        (dict(X=np.where(X > 0.1, np.nan, X), y=Y), "NaN or infinite"),
        (dict(X=X[:0], y=Y[:0]), "empty"),
    ],
)
def test_bad_input_is_a_clear_error(bad, match):
    with pytest.raises(ValueError, match=match):
        LinearRegression().fit(**bad)


def test_predict_before_fit_and_bad_solver():
    with pytest.raises(NotFittedError, match="not fitted yet"):
        LinearRegression().predict(X)
    with pytest.raises(ValueError, match="solver='lu' is not valid"):
        LinearRegression(solver="lu").fit(X, Y)


def test_gaussian_log_likelihood_matches_statsmodels_and_scipy():
    import statsmodels.api as sm
    from scipy.stats import norm
    from sklearn.datasets import load_diabetes

    from ladder.ml.linear import gaussian_log_likelihood

    X, y = load_diabetes(return_X_y=True)
    fit = sm.OLS(y, sm.add_constant(X)).fit()
    # float64 sums over 442 terms of size ~1e3: relative agreement ~1e-13
    assert gaussian_log_likelihood(y, fit.fittedvalues) == pytest.approx(fit.llf, rel=1e-12)
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=20), rng.normal(size=20)
    assert gaussian_log_likelihood(a, b, sigma2=2.5) == pytest.approx(
        norm.logpdf(a, b, np.sqrt(2.5)).sum(), rel=1e-12
    )
    with pytest.raises(ValueError, match="same, non-zero length"):
        gaussian_log_likelihood([1.0], [1.0, 2.0])
    with pytest.raises(ValueError, match="sigma2 must be positive"):
        gaussian_log_likelihood([1.0, 2.0], [1.0, 2.0])


def test_ridge_is_the_map_estimate():
    """Ridge with alpha = sigma²/tau² maximises the Gaussian log-posterior."""
    from scipy.optimize import minimize

    from ladder.ml.regularized import Ridge

    rng = np.random.default_rng(3)
    X = rng.normal(size=(30, 4))
    y = X @ np.array([1.0, -2.0, 0.0, 0.5]) + rng.normal(size=30)
    sigma2, tau2 = 1.5, 0.3
    neg_log_post = lambda w: ((y - X @ w) ** 2).sum() / (2 * sigma2) + (w**2).sum() / (2 * tau2)  # noqa: E731
    w_map = minimize(neg_log_post, np.zeros(4), method="BFGS", options={"gtol": 1e-10}).x
    ridge = Ridge(alpha=sigma2 / tau2, fit_intercept=False).fit(X, y)
    np.testing.assert_allclose(ridge.coef_, w_map, atol=1e-6)  # BFGS's own tolerance
