"""Parity: OLS/WLS with an implicit constant and degenerate fits, against statsmodels.

statsmodels decides ``k_constant`` from the design: a non-zero constant column, or else
columns whose span holds the constant (appending ones does not raise the rank), e.g. a
dummy for every level of a factor and no intercept. R², F and ``df_model`` are then
centred. Tolerance: both sides solve the same float64 least-squares problem through an
SVD pseudo-inverse of a well-conditioned design (condition number < 1e2 here), so the
statistics agree to rounding; rtol=1e-9 is generous and still catches an uncentred R²
(which differs in the first digit).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

sm = pytest.importorskip("statsmodels.api")

from ladder.ml.inference import OLS, WLS, has_constant  # noqa: E402

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


def assert_same_fit(ours, theirs):
    assert ours.k_constant_ == theirs.k_constant
    for name in STATS:
        np.testing.assert_allclose(
            getattr(ours, name + "_"),
            getattr(theirs, name),
            rtol=RTOL,
            atol=1e-12,
            err_msg=name,
            equal_nan=True,
        )


def fit_both(X, y, weights=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # statsmodels warns on rank-deficient designs
        if weights is None:
            return OLS(fit_intercept=False).fit(X, y), sm.OLS(y, X).fit()
        return WLS(weights, fit_intercept=False).fit(X, y), sm.WLS(y, X, weights=weights).fit()


def _factor_design(seed=0, n=100, levels=2):
    rng = np.random.default_rng(seed)
    g = rng.integers(0, levels, n)
    x = rng.normal(size=n)
    y = 1.0 + 2.0 * g + 0.5 * x + rng.normal(size=n)
    dummies = [(g == level).astype(float) for level in range(levels)]
    return g, x, y, dummies


def test_issue_example_full_dummy_coding_is_centred():
    # The issue's design: X = [g == 0, g == 1, x] without an intercept.
    _, x, y, (d0, d1) = _factor_design()
    ours, theirs = fit_both(np.column_stack([d0, d1, x]), y)
    assert theirs.k_constant == 1 and ours.k_constant_ == 1
    assert_same_fit(ours, theirs)
    # The uncentred R² would be the fit against y = 0, far larger than the centred one.
    assert ours.rsquared_ < 1 - ours.ssr_ / float(y @ y) - 0.1


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_three_level_factor_and_two_slopes(seed):
    rng = np.random.default_rng(seed)
    _, x, y, dummies = _factor_design(seed, n=60, levels=3)
    z = rng.uniform(-2, 5, size=60)
    ours, theirs = fit_both(np.column_stack([x, *dummies, z]), y + 0.3 * z)
    assert_same_fit(ours, theirs)


def test_columns_adding_up_to_three_not_one():
    # Shares of a budget of 3: p and 3 - p; the constant 3 lies in their span.
    rng = np.random.default_rng(4)
    p = rng.uniform(0, 3, 40)
    x = rng.normal(size=40)
    y = 2.0 - p + x + rng.normal(size=40)
    ours, theirs = fit_both(np.column_stack([p, 3.0 - p, x]), y)
    assert ours.k_constant_ == 1
    assert_same_fit(ours, theirs)


def test_intercept_plus_every_dummy_is_rank_deficient_but_explicit():
    _, x, y, (d0, d1) = _factor_design(5)
    ours, theirs = fit_both(np.column_stack([np.ones(100), d0, d1, x]), y)
    assert ours.df_model_ == 2.0  # rank 3, minus the constant
    assert_same_fit(ours, theirs)


def test_zero_column_is_not_a_constant_but_dummies_are():
    _, x, y, (d0, d1) = _factor_design(6)
    ours, theirs = fit_both(np.column_stack([np.zeros(100), d0, d1, x]), y)
    assert_same_fit(ours, theirs)


def test_no_constant_anywhere_stays_uncentred():
    g, x, y, _ = _factor_design(7)
    X = np.column_stack([g.astype(float), x])
    assert not has_constant(X)
    ours, theirs = fit_both(X, y)
    assert ours.k_constant_ == 0
    assert_same_fit(ours, theirs)


def test_wls_with_implicit_constant_uses_the_weighted_mean():
    _, x, y, (d0, d1) = _factor_design(8)
    w = np.random.default_rng(8).uniform(0.5, 3.0, 100)
    ours, theirs = fit_both(np.column_stack([d0, d1, x]), y, weights=w)
    assert_same_fit(ours, theirs)


@pytest.mark.parametrize(
    "case",
    ["constant y", "zero y without constant", "exact line"],
)
def test_degenerate_fits_give_nan_or_inf_like_statsmodels(case):
    # TSS = 0 or SSR ≈ 0 used to raise ZeroDivisionError; statsmodels gives nan/inf.
    x = np.random.default_rng(9).normal(size=20)
    X, y = {
        "constant y": (np.column_stack([np.ones(20), x]), np.full(20, 3.0)),
        "zero y without constant": (x[:, None], np.zeros(20)),
        "exact line": (np.column_stack([np.ones(20), x]), 1.0 + 2.0 * x),
    }[case]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours, theirs = fit_both(X, y)
        for name in ["rsquared", "fvalue", "ssr", "llf"]:
            np.testing.assert_allclose(
                getattr(ours, name + "_"), getattr(theirs, name), rtol=RTOL, equal_nan=True
            )


def test_rank_counts_singular_values_like_statsmodels():
    # A column equal to another up to rounding noise of relative size ~1e-13: its singular
    # value (~1e-13 s_max) is above statsmodels' cut-off s_max * p * eps (p = 3 columns,
    # 6.7e-16) but below NumPy's matrix_rank default s_max * n * eps (n = 2000, 4.4e-13),
    # so statsmodels counts it: rank 3, df_resid n - 3.
    rng = np.random.default_rng(10)
    n = 2000
    x = rng.normal(size=n)
    near = x * (1.0 + 1e-13 * rng.normal(size=n))
    X = np.column_stack([np.ones(n), x, near])
    s = np.linalg.svd(X, compute_uv=False)
    eps = np.finfo(float).eps
    assert 3 * eps < s[-1] / s[0] < n * eps  # the case the test is about
    y = 1.0 + x + rng.normal(size=n)
    ours, theirs = fit_both(X, y)
    assert ours.df_resid_ == theirs.df_resid == n - 3
    assert ours.df_model_ == theirs.df_model == 2
