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
  on the others with an intercept, i.e. the ``j``-th diagonal entry of the inverse
  correlation matrix (``variance_inflation_factor``, whose ``standardize`` argument both
  versions share).

Parity: ``tests/ml/test_diagnostics.py``.
"""

from __future__ import annotations

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


def _check_has_constant(Z: np.ndarray, test: str) -> None:
    """The LM statistics count ``k - 1`` slopes, so ``Z`` needs an explicit constant."""
    if Z.shape[1] < 2 or not np.any((np.ptp(Z, axis=0) == 0) & (Z[0] != 0)):
        raise ValueError(
            f"{test} needs a design with at least two columns, one of them a non-zero "
            f"constant; got {Z.shape[1]} column(s) and no constant column. Prepend a column "
            "of ones (np.column_stack([np.ones(n), X]))."
        )


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
    _check_has_constant(Z, "The Breusch-Pagan test")
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
    matrix (a 0/1 column squared repeats itself). The rank follows statsmodels' rule (see
    :class:`~ladder.ml.inference.OLS`): singular values above
    :math:`s_{\max} \cdot p \cdot \epsilon`, ``p`` the number of products, count; on
    tens of thousands of rows a square that is collinear only up to rounding (relative
    singular value between :math:`p\epsilon` and :math:`n\epsilon`) therefore counts
    as one more degree of freedom than ``np.linalg.matrix_rank`` would give.
    Same as ``het_white``.
    """
    from scipy import stats

    X = check_array(exog, name="exog")
    _check_has_constant(X, "White's test")
    e2 = check_array(resid, name="resid", ensure_2d=False) ** 2
    a, b = np.triu_indices(X.shape[1])  # (0,0), (0,1), ..., (k-1,k-1): upper triangle
    Z = X[:, a] * X[:, b]
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


def vif(exog: ArrayLike, index: int, standardize: bool = True) -> float:
    r"""Variance inflation factor of column ``index``: :math:`1/(1 - R_j^2)`.

    With ``standardize=True`` (the default, as in statsmodels ≥ 0.15) every non-constant
    column is first centred and scaled to unit variance (constant columns, standard
    deviation at most ``1e-10``, are left alone), so :math:`R_j^2` is that of regressing
    column ``j`` on the other columns *with an intercept*, whether or not ``exog`` holds
    one: the textbook VIF, the ``j``-th diagonal entry of the inverse correlation
    matrix. With ``standardize=False`` column ``j`` is regressed on the other columns
    exactly as given (statsmodels 0.14): the same number when ``exog`` holds a column of
    ones and ``j`` is another column, but an uncentred :math:`R_j^2` when there is no
    constant. The VIF of the constant column itself means nothing either way (1 when
    standardised).

    :math:`R_j^2` is clipped to :math:`[0, 1 - 10^{-15}]`, so a perfectly collinear column
    gets a huge finite VIF (about :math:`1.0 \times 10^{15}`) instead of a division by zero,
    as in statsmodels. Same as
    ``statsmodels.stats.outliers_influence.variance_inflation_factor(exog, index,
    standardize=standardize)``.

    >>> import numpy as np
    >>> a = np.array([1.0, 2.0, 3.0, 4.0, 6.0]); b = np.array([1.0, 3.0, 2.0, 5.0, 4.0])
    >>> round(vif(np.column_stack([np.ones(5), a, b]), 1), 4)
    2.209
    """
    X = check_array(exog, name="exog")
    if not isinstance(index, (int, np.integer)) or isinstance(index, bool):
        raise TypeError(f"index must be an integer column number, got {index!r}.")
    if not -X.shape[1] <= index < X.shape[1]:
        raise ValueError(
            f"index={index} is out of range for {X.shape[1]} columns; pass 0..{X.shape[1] - 1}."
        )
    if X.shape[1] < 2:
        raise ValueError(
            f"exog has {X.shape[1]} column; the VIF regresses one column on the others, so "
            "pass at least two."
        )
    if standardize:
        std, mean = X.std(axis=0), X.mean(axis=0)
        scaled = std > 1e-10  # constant columns stay as they are
        X = X.copy()
        X[:, scaled] = (X[:, scaled] - mean[scaled]) / std[scaled]
    others = np.delete(X, index, axis=1)
    r2 = np.clip(_aux_regression(X[:, index], others).rsquared_, 0.0, 1.0 - 1e-15)
    return float(1.0 / (1.0 - r2))
