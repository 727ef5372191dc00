"""Parity: ladder.ml.diagnostics against statsmodels and SciPy on the diabetes OLS fit.

Tolerance rtol=1e-8: the same closed forms in float64 on both sides; only the order of
summation differs.
"""

from __future__ import annotations

import numpy as np
import pytest

sm = pytest.importorskip("statsmodels.api")
from scipy import stats  # noqa: E402
from sklearn.datasets import load_diabetes  # noqa: E402
from statsmodels.stats.diagnostic import het_breuschpagan, het_white  # noqa: E402
from statsmodels.stats.outliers_influence import (  # noqa: E402
    OLSInfluence,
    variance_inflation_factor,
)

from ladder.ml import diagnostics as dg  # noqa: E402

RTOL = 1e-8


@pytest.fixture(scope="module")
def fit():
    X, y = load_diabetes(return_X_y=True)
    exog = sm.add_constant(X)
    res = sm.OLS(y, exog).fit()
    return exog, res


def check(ours, theirs, rtol=RTOL):
    np.testing.assert_allclose(ours, theirs, rtol=rtol, atol=1e-12)


@pytest.mark.parametrize("bias", [True, False])
def test_skew_and_kurtosis_match_scipy(fit, bias):
    resid = fit[1].resid
    check(dg.skewness(resid, bias=bias), stats.skew(resid, bias=bias))
    for fisher in (True, False):
        check(
            dg.kurtosis(resid, fisher=fisher, bias=bias),
            stats.kurtosis(resid, fisher=fisher, bias=bias),
        )


@pytest.mark.parametrize("robust", [True, False])
def test_breusch_pagan(fit, robust):
    exog, res = fit
    check(
        dg.breusch_pagan(res.resid, exog, robust=robust),
        het_breuschpagan(res.resid, exog, robust=robust),
    )


def test_white_with_a_binary_column(fit):
    # Column 1 (sex) takes two values, so sex^2 is collinear: the df must use the rank.
    exog, res = fit
    check(dg.white_test(res.resid, exog), het_white(res.resid, exog))


def test_influence_measures(fit):
    exog, res = fit
    infl = OLSInfluence(res)
    check(dg.leverage(exog), infl.hat_matrix_diag)
    check(dg.studentized_residuals(res.resid, exog), infl.resid_studentized_internal)
    check(dg.studentized_residuals(res.resid, exog, external=True), infl.resid_studentized_external)
    d, p = dg.cooks_distance(res.resid, exog)
    check(d, infl.cooks_distance[0])
    check(p, infl.cooks_distance[1])


def test_vif_every_column(fit):
    exog, _ = fit
    for j in range(exog.shape[1]):
        check(dg.vif(exog, j), variance_inflation_factor(exog, j))


def test_vif_bad_index(fit):
    with pytest.raises(ValueError, match="index=99"):
        dg.vif(fit[0], 99)
