r"""Regression diagnostics: is the OLS model's fine print true?

* **Residual shape** — :func:`skewness` :math:`g_1 = m_3 / m_2^{3/2}` and :func:`kurtosis`
  :math:`g_2 = m_4 / m_2^2 - 3` (``scipy.stats.skew`` / ``kurtosis``), where
  :math:`m_r = \frac1n\sum_i (x_i - \bar x)^r`.
* **Heteroskedasticity** — :func:`breusch_pagan` regresses :math:`e_i^2` on the
  regressors, :math:`LM = nR^2 \sim \chi^2_{k-1}` (Koenker's robust form; statsmodels
  ``het_breuschpagan``); :func:`white_test` does the same on all squares and
  cross-products (``het_white``).
* **Influence** — :func:`leverage` :math:`h_{ii} = [X(X^\top X)^{-1}X^\top]_{ii}`,
  :func:`studentized_residuals`, and :func:`cooks_distance`
  :math:`D_i = \frac{r_i^2}{p}\frac{h_{ii}}{1 - h_{ii}}` (``OLSInfluence``).
* **Collinearity** — :func:`vif` :math:`= 1 / (1 - R_j^2)` from regressing column ``j``
  on the others (``variance_inflation_factor``).

Parity: ``tests/ml/test_diagnostics.py``.
"""

from __future__ import annotations

from itertools import combinations_with_replacement

import numpy as np
from numpy.typing import ArrayLike

from ladder.ml.base import check_array
from ladder.ml.inference import OLS

__all__ = [
    "skewness",
    "kurtosis",
    "breusch_pagan",
    "white_test",
    "leverage",
    "studentized_residuals",
    "cooks_distance",
    "vif",
]


def _central_moments(x: ArrayLike) -> tuple[int, float, float, float]:
    a = check_array(x, name="x", ensure_2d=False).ravel()
    d = a - a.mean()
    return a.size, float(np.mean(d**2)), float(np.mean(d**3)), float(np.mean(d**4))


def skewness(x: ArrayLike, bias: bool = True) -> float:
    r"""Sample skewness :math:`g_1 = m_3/m_2^{3/2}`; with ``bias=False`` the adjusted
    :math:`G_1 = g_1\sqrt{n(n-1)}/(n-2)`. Same as ``scipy.stats.skew``.

    >>> round(skewness([1.0, 2.0, 10.0]), 4)
    0.6746
    """
    n, m2, m3, _ = _central_moments(x)
    g1 = m3 / m2**1.5
    if bias:
        return g1
    if n < 3:
        raise ValueError(f"bias=False needs at least 3 values, got {n}; pass more data.")
    return g1 * np.sqrt(n * (n - 1)) / (n - 2)


def kurtosis(x: ArrayLike, fisher: bool = True, bias: bool = True) -> float:
    r"""Sample kurtosis :math:`m_4/m_2^2` (minus 3 when ``fisher``, so a normal gives 0);
    ``bias=False`` gives :math:`G_2 = \frac{n-1}{(n-2)(n-3)}((n+1)g_2 + 6)`.
    Same as ``scipy.stats.kurtosis``.
    """
    n, m2, _, m4 = _central_moments(x)
    g2 = m4 / m2**2 - 3.0
    if not bias:
        if n < 4:
            raise ValueError(f"bias=False needs at least 4 values, got {n}; pass more data.")
        g2 = (n - 1) / ((n - 2) * (n - 3)) * ((n + 1) * g2 + 6.0)
    return g2 if fisher else g2 + 3.0


def _aux_regression(target: np.ndarray, Z: np.ndarray) -> OLS:
    """OLS of ``target`` on ``Z`` as given (``Z`` carries its own constant column)."""
    return OLS(fit_intercept=False).fit(Z, target)


def breusch_pagan(
    resid: ArrayLike, exog_het: ArrayLike, robust: bool = True
) -> tuple[float, float, float, float]:
    r"""Breusch–Pagan test for heteroskedasticity.

    ``exog_het`` (n, k) must include a constant column. Regress :math:`e_i^2` on it;
    Koenker's robust statistic (``robust=True``) is :math:`nR^2`; the original one
    regresses :math:`e_i^2 / \overline{e^2}` and uses :math:`\mathrm{ESS}/2`. Both are
    :math:`\chi^2_{k-1}` under homoskedasticity.

    Returns ``(lm, lm_pvalue, fvalue, f_pvalue)`` like
    ``statsmodels.stats.diagnostic.het_breuschpagan``.
    """
    from scipy import stats

    Z = check_array(exog_het, name="exog_het")
    e2 = check_array(resid, name="resid", ensure_2d=False) ** 2
    if not robust:
        e2 = e2 / e2.mean()
    aux = _aux_regression(e2, Z)
    lm = Z.shape[0] * aux.rsquared_ if robust else aux.ess_ / 2.0
    return float(lm), float(stats.chi2.sf(lm, Z.shape[1] - 1)), aux.fvalue_, aux.f_pvalue_


def white_test(resid: ArrayLike, exog: ArrayLike) -> tuple[float, float, float, float]:
    r"""White's test: Breusch–Pagan on every product :math:`x_a x_b`, :math:`a \le b`.

    ``exog`` must include the constant, so the products hold the levels, squares and
    cross-terms. :math:`LM = nR^2 \sim \chi^2_{r-1}` with ``r`` the rank of the product
    matrix (a 0/1 column squared repeats itself). Same as ``het_white``.
    """
    from scipy import stats

    X = check_array(exog, name="exog")
    e2 = check_array(resid, name="resid", ensure_2d=False) ** 2
    pairs = list(combinations_with_replacement(range(X.shape[1]), 2))
    Z = np.column_stack([X[:, a] * X[:, b] for a, b in pairs])
    aux = _aux_regression(e2, Z)
    lm = Z.shape[0] * aux.rsquared_
    return float(lm), float(stats.chi2.sf(lm, aux.df_model_)), aux.fvalue_, aux.f_pvalue_


def leverage(exog: ArrayLike) -> np.ndarray:
    r"""Diagonal of the hat matrix :math:`H = X X^+`: how far each row sits from the rest.

    ``exog`` is the design matrix as fitted (with its constant column).
    Same as ``OLSInfluence(...).hat_matrix_diag``.
    """
    X = check_array(exog, name="exog")
    return np.einsum("ij,ji->i", X, np.linalg.pinv(X))


def studentized_residuals(resid: ArrayLike, exog: ArrayLike, external: bool = False) -> np.ndarray:
    r"""Residuals divided by their own standard error.

    Internal: :math:`r_i = e_i / (\hat\sigma\sqrt{1 - h_{ii}})`
    (``OLSInfluence.resid_studentized_internal``). External: :math:`\hat\sigma` is replaced
    by :math:`\hat\sigma_{(i)}`, fitted without row ``i``:
    :math:`\hat\sigma_{(i)}^2 = (\mathrm{SSR} - e_i^2/(1-h_{ii})) / (n - p - 1)`
    (``resid_studentized_external``).
    """
    e = check_array(resid, name="resid", ensure_2d=False)
    X = check_array(exog, name="exog")
    h = leverage(X)
    df_resid = X.shape[0] - np.linalg.matrix_rank(X)
    ssr = float(e @ e)
    if external:
        s2 = (ssr - e**2 / (1 - h)) / (df_resid - 1)
    else:
        s2 = ssr / df_resid
    return e / np.sqrt(s2 * (1 - h))


def cooks_distance(resid: ArrayLike, exog: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    r"""Cook's distance :math:`D_i = \frac{r_i^2}{p}\frac{h_{ii}}{1-h_{ii}}` and its
    p-value from :math:`F(p, n - p)`; ``p`` is the number of columns of ``exog``.
    Same as ``OLSInfluence(...).cooks_distance``.
    """
    from scipy import stats

    X = check_array(exog, name="exog")
    h = leverage(X)
    r = studentized_residuals(resid, X)
    p = X.shape[1]
    d = r**2 / p * h / (1 - h)
    return d, stats.f.sf(d, p, X.shape[0] - np.linalg.matrix_rank(X))


def vif(exog: ArrayLike, index: int) -> float:
    r"""Variance inflation factor of column ``index``: :math:`1/(1 - R_j^2)`, regressing it
    on the other columns exactly as given (include the constant column yourself).
    Same as ``statsmodels.stats.outliers_influence.variance_inflation_factor``.
    """
    X = check_array(exog, name="exog")
    if not -X.shape[1] <= index < X.shape[1]:
        raise ValueError(
            f"index={index} is out of range for {X.shape[1]} columns; pass 0..{X.shape[1] - 1}."
        )
    others = np.delete(X, index, axis=1)
    r2 = _aux_regression(X[:, index], others).rsquared_
    return float(1.0 / (1.0 - r2))
