"""Parity: ladder.ml.inference OLS/WLS/GLS against statsmodels on the diabetes data.

Tolerance: both sides solve the same least-squares problem in float64 via a
pseudo-inverse; differences are rounding only (condition number of the diabetes design
~ 1e2), so rtol=1e-9 is generous and still catches any formula error.
"""

from __future__ import annotations

import numpy as np
import pytest

sm = pytest.importorskip("statsmodels.api")
from sklearn.datasets import load_diabetes  # noqa: E402

from ladder.ml.inference import GLS, OLS, WLS  # noqa: E402

RTOL = 1e-9
STATS = [
    "params",
    "bse",
    "tvalues",
    "pvalues",
    "rsquared",
    "rsquared_adj",
    "fvalue",
    "f_pvalue",
    "llf",
    "aic",
    "bic",
    "ssr",
    "ess",
    "df_model",
    "df_resid",
    "scale",
]


@pytest.fixture(scope="module")
def diabetes():
    X, y = load_diabetes(return_X_y=True)
    return X, y


def assert_same_fit(ours, theirs, rtol=RTOL):
    """The one helper: every statistic of our fit equals statsmodels' attribute."""
    for name in STATS:
        np.testing.assert_allclose(
            getattr(ours, name + "_"),
            getattr(theirs, name),
            rtol=rtol,
            atol=1e-12,
            err_msg=name,
        )
    np.testing.assert_allclose(ours.conf_int(), theirs.conf_int(), rtol=rtol)
    np.testing.assert_allclose(ours.resid_, theirs.resid, rtol=rtol, atol=1e-9)


def test_ols_matches_statsmodels(diabetes):
    X, y = diabetes
    assert_same_fit(OLS().fit(X, y), sm.OLS(y, sm.add_constant(X)).fit())


def test_ols_without_intercept_uses_uncentred_r2(diabetes):
    X, y = diabetes
    assert_same_fit(OLS(fit_intercept=False).fit(X, y), sm.OLS(y, X).fit())


def test_wls_matches_statsmodels(diabetes):
    X, y = diabetes
    w = 1.0 / (1.0 + np.abs(X[:, 2]) * 10)  # variance growing with BMI
    assert_same_fit(WLS(weights=w).fit(X, y), sm.WLS(y, sm.add_constant(X), weights=w).fit())


def test_gls_matches_statsmodels_ar1_errors(diabetes):
    X, y = diabetes[0][:120], diabetes[1][:120]
    n, rho = len(y), 0.5
    sigma = rho ** np.abs(np.subtract.outer(np.arange(n), np.arange(n)))  # AR(1)
    ours = GLS(sigma=sigma).fit(X, y)
    theirs = sm.GLS(y, sm.add_constant(X), sigma=sigma).fit()
    # Cholesky of inv(sigma) adds a little rounding on each side: rtol 1e-8.
    assert_same_fit(ours, theirs, rtol=1e-8)


def test_gls_with_diagonal_sigma_equals_wls(diabetes):
    X, y = diabetes[0][:100], diabetes[1][:100]
    w = np.linspace(0.5, 2.0, 100)
    a = GLS(sigma=np.diag(1 / w)).fit(X, y)
    b = WLS(weights=w).fit(X, y)
    np.testing.assert_allclose(a.params_, b.params_, rtol=1e-10)
    np.testing.assert_allclose(a.rsquared_, b.rsquared_, rtol=1e-10)


def test_summary_lists_every_coefficient(diabetes):
    X, y = diabetes
    text = OLS().fit(X, y).summary(names=load_diabetes().feature_names)
    assert "const" in text and "bmi" in text and "R-squared" in text
    assert len([ln for ln in text.splitlines() if ln.strip()]) == 6 + 1 + 11


def test_predict_matches_fitted_values(diabetes):
    X, y = diabetes
    m = OLS().fit(X, y)
    np.testing.assert_allclose(m.predict(X), m.fittedvalues_, rtol=1e-12)


def test_wls_rejects_bad_weights(diabetes):
    X, y = diabetes
    with pytest.raises(ValueError, match="positive"):
        WLS(weights=-np.ones(len(y))).fit(X, y)
