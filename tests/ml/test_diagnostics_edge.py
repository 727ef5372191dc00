"""Parity on held-out designs: VIF under both statsmodels behaviours, White's test on a
large design with a square collinear up to rounding, and bad designs.

Tolerances: VIF is a closed form of one float64 least-squares fit on well-conditioned
designs (condition number < 1e3 here), so rtol=1e-9. White's test: see the test.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

sm = pytest.importorskip("statsmodels.api")
from sklearn.datasets import load_diabetes  # noqa: E402
from statsmodels.stats.diagnostic import het_breuschpagan, het_white  # noqa: E402
from statsmodels.stats.outliers_influence import variance_inflation_factor  # noqa: E402

from ladder.ml import diagnostics as dg  # noqa: E402
from ladder.ml.inference import OLS  # noqa: E402

RTOL = 1e-9
HUGE = 1.0 / (1.0 - (1.0 - 1e-15))  # 1/(1 - R²) at statsmodels' clip, ≈ 1.0e15


def sm_vif(X, j, standardize):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # statsmodels warns on ill-conditioned designs
        return variance_inflation_factor(X, j, standardize=standardize)


def _designs():
    rng = np.random.default_rng(3)
    n = 80
    a = rng.uniform(2, 9, n)  # far from zero mean, so centring matters
    b = 0.6 * a + rng.normal(0, 1.0, n)
    c = rng.normal(4, 2, n)
    X_diab = load_diabetes(return_X_y=True)[0]
    return {
        "diabetes with constant": np.column_stack([np.ones(len(X_diab)), X_diab]),
        "with constant": np.column_stack([np.ones(n), a, b, c]),
        "without constant": np.column_stack([a, b, c]),
        "constant of 5 last": np.column_stack([a, b, c, np.full(n, 5.0)]),
    }


@pytest.mark.parametrize("standardize", [True, False])
@pytest.mark.parametrize("name", list(_designs()))
def test_vif_matches_both_statsmodels_behaviours(name, standardize):
    X = _designs()[name]
    for j in range(X.shape[1]):
        np.testing.assert_allclose(
            dg.vif(X, j, standardize=standardize),
            sm_vif(X, j, standardize),
            rtol=RTOL,
            err_msg=f"column {j}",
        )


def test_vif_default_is_standardised_like_statsmodels_015():
    X = _designs()["without constant"]
    for j in range(3):
        assert dg.vif(X, j) == pytest.approx(sm_vif(X, j, True), rel=RTOL)


def test_with_a_constant_column_both_behaviours_agree_on_the_other_columns():
    # What the lesson states: with the ones column in X, standardising changes nothing for
    # the other columns; without it, the unstandardised R² is uncentred and differs.
    X = _designs()["with constant"]
    for j in (1, 2, 3):
        assert dg.vif(X, j, standardize=True) == pytest.approx(
            dg.vif(X, j, standardize=False), rel=RTOL
        )
    # The VIF of the ones column itself: 1 when standardised (ones ⟂ centred columns).
    assert dg.vif(X, 0, standardize=True) == pytest.approx(1.0, rel=RTOL)
    Xn = _designs()["without constant"]
    assert dg.vif(Xn, 1, standardize=False) > 5 * dg.vif(Xn, 1, standardize=True)


def test_vif_equals_the_diagonal_of_the_inverse_correlation_matrix():
    X = _designs()["without constant"]
    inv_corr = np.linalg.inv(np.corrcoef(X, rowvar=False))
    for j in range(3):
        assert dg.vif(X, j) == pytest.approx(inv_corr[j, j], rel=1e-9)


@pytest.mark.parametrize("standardize", [True, False])
def test_perfect_collinearity_gives_statsmodels_huge_finite_value(standardize):
    rng = np.random.default_rng(5)
    a, b = rng.normal(size=(2, 50))
    X = np.column_stack([np.ones(50), a, b, a + b])  # the last column is exactly a + b
    for j in (1, 2, 3):
        ours = dg.vif(X, j, standardize=standardize)
        assert np.isfinite(ours) and ours == pytest.approx(HUGE, rel=1e-12)
        assert ours == pytest.approx(sm_vif(X, j, standardize), rel=1e-12)


@pytest.mark.parametrize("standardize", [True, False])
def test_zero_column_gives_nan_like_statsmodels(standardize):
    # 0/0: a column of zeros has no variance to inflate.
    rng = np.random.default_rng(6)
    X = np.column_stack([np.ones(30), rng.normal(size=30), np.zeros(30)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert np.isnan(dg.vif(X, 2, standardize=standardize))
    assert np.isnan(sm_vif(X, 2, standardize))


def test_vif_bad_arguments():
    X = _designs()["with constant"]
    with pytest.raises(ValueError, match="index=4"):
        dg.vif(X, 4)
    with pytest.raises(TypeError, match="index must be an integer"):
        dg.vif(X, 1.0)
    with pytest.raises(ValueError, match="at least two"):
        dg.vif(X[:, :1], 0)


def _white_design(rng, n=70_000, c=100.0):
    x1, x2, x3 = rng.normal(size=(3, n))
    col = (x1 + c) ** 2 - 2 * c * x1 - c * c
    return np.column_stack([np.ones(n), x1, x2, x3, col])


def test_white_on_70000_rows_with_a_square_collinear_up_to_rounding():
    # col = (x1 + 100)² - 200·x1 - 100² is x1² up to rounding (~1e4·eps absolute), so the
    # product matrix's columns x1·x1 and 1·col are collinear up to rounding: the smallest
    # singular value is ~3e2·eps·s_max, above statsmodels' rank cut-off p·eps·s_max
    # (p = 15 products) and below NumPy's matrix_rank default n·eps·s_max (n = 70,000).
    # statsmodels counts it: rank 15, df 14 (NumPy's rule would give df 13 and an F 14/13
    # as large, the 235.5 vs 218.7).
    rng = np.random.default_rng(0)
    X = _white_design(rng)
    n = X.shape[0]
    resid = rng.normal(size=n) * (1 + 0.02 * np.abs(X[:, 1]))
    a, b = np.triu_indices(5)
    s = np.linalg.svd(X[:, a] * X[:, b], compute_uv=False)
    eps = np.finfo(float).eps
    assert 15 * eps < s[-1] / s[0] < n * eps  # the case the test is about
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = het_white(resid, X)
    ours = dg.white_test(resid, X)
    # The near-null direction is kept in both pseudo-inverses (it is above 1e-15·s_max),
    # so rounding in the SVD is amplified: the same matrix stored in C or Fortran order
    # moves LM by ~1e-8 relative. rtol=1e-6 leaves margin and still sees a df of 13
    # (F off by 7.7%).
    np.testing.assert_allclose(ours, theirs, rtol=1e-6)


def test_white_rank_matches_statsmodels_degrees_of_freedom():
    # Check the rank itself: the auxiliary regression's df_model is 14 like statsmodels'.
    rng = np.random.default_rng(1)
    X = _white_design(rng)
    a, b = np.triu_indices(5)
    Z = X[:, a] * X[:, b]
    e2 = rng.normal(size=X.shape[0]) ** 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = sm.OLS(e2, Z).fit()
    ours = OLS(fit_intercept=False).fit(Z, e2)
    assert ours.df_model_ == theirs.df_model == 14.0
    assert np.linalg.matrix_rank(Z) - 1 == 13  # NumPy's default rule, which we left


@pytest.mark.parametrize("test", ["white", "bp"])
def test_heteroskedasticity_tests_need_a_constant(test):
    rng = np.random.default_rng(7)
    X = rng.normal(size=(40, 3))
    resid = rng.normal(size=40)
    ours = dg.white_test if test == "white" else dg.breusch_pagan
    theirs = het_white if test == "white" else het_breuschpagan
    with pytest.raises(ValueError, match="constant"):
        ours(resid, X)
    with pytest.raises(ValueError, match="constant"):
        theirs(resid, X)
