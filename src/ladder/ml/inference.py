r"""Regression inference: how sure are we of each coefficient?

With :math:`y = X\beta + \varepsilon`, :math:`\varepsilon \sim N(0, \sigma^2 I)`, ``n``
samples and ``k`` = rank of ``X`` (intercept included):

* :math:`\hat\beta = X^+ y` (pseudo-inverse, as statsmodels' default ``method="pinv"``:
  singular values below :math:`10^{-15} s_{\max}` are dropped; the rank ``k`` counts those
  above :math:`s_{\max} \cdot \min(n, p) \cdot \epsilon`, ``p`` the number of columns),
* :math:`\hat\sigma^2 = \mathrm{SSR} / (n - k)`,
  :math:`\mathrm{Cov}(\hat\beta) = \hat\sigma^2 (X^\top X)^+`, standard errors its diagonal's root,
* :math:`t_j = \hat\beta_j / \mathrm{se}_j` with a two-sided p-value from Student's t with
  :math:`n - k` degrees of freedom,
* :math:`R^2 = 1 - \mathrm{SSR}/\mathrm{TSS}`, TSS centred on the mean when the model holds a
  constant (:func:`has_constant`: a constant column, or columns that add up to one), else
  :math:`\sum y_i^2`,
  :math:`\bar R^2 = 1 - \frac{n - 1}{n - k}(1 - R^2)`,
* :math:`F = \frac{\mathrm{ESS}/(k - 1)}{\mathrm{SSR}/(n - k)}` tests "all slopes are zero",
* log-likelihood :math:`\ell = -\frac n2(\log 2\pi + \log(\mathrm{SSR}/n) + 1)`,
  :math:`\mathrm{AIC} = -2\ell + 2k`, :math:`\mathrm{BIC} = -2\ell + k\log n`.

Weighted (WLS, weights :math:`w_i \propto 1/\mathrm{Var}\,\varepsilon_i`) and generalised
(GLS, error covariance :math:`\Sigma`) least squares are OLS after *whitening*: multiply
``X`` and ``y`` by :math:`W^{1/2}`, or by :math:`L^\top` where :math:`LL^\top = \Sigma^{-1}`.

Every number matches ``statsmodels.api.OLS / WLS / GLS(...).fit()``
(``tests/ml/test_inference.py``).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ladder.ml.base import BaseEstimator, check_array, check_features, check_is_fitted

__all__ = ["OLS", "WLS", "GLS", "has_constant"]


def has_constant(X: np.ndarray) -> bool:
    """True if the column space of ``X`` holds the constant, as statsmodels decides
    ``k_constant``: some column is a non-zero constant (an explicit intercept), or, failing
    that, appending a column of ones does not raise the rank (an *implicit* intercept, e.g.
    dummy columns for every level of a factor, which add up to one).

    >>> import numpy as np
    >>> g = np.array([0, 1, 1, 0, 1]); x = np.array([0.5, 1.0, 2.0, 3.0, 5.0])
    >>> has_constant(np.column_stack([g == 0, g == 1, x]).astype(float))
    True
    >>> has_constant(np.column_stack([g, x]).astype(float))
    False
    """
    if np.any((np.ptp(X, axis=0) == 0) & (X[0] != 0)):
        return True
    augmented = np.column_stack([np.ones(X.shape[0]), X])
    return bool(np.linalg.matrix_rank(augmented) == np.linalg.matrix_rank(X))


def _pinv_and_rank(A: np.ndarray) -> tuple[np.ndarray, int]:
    """Pseudo-inverse and rank from one SVD, with statsmodels' two cut-offs.

    The pseudo-inverse keeps singular values above ``1e-15 * s_max`` (NumPy's ``pinv``
    default); the rank counts those above ``s_max * min(n, p) * eps`` (statsmodels applies
    ``matrix_rank`` to the diagonal of singular values, so the tolerance grows with the
    number of columns, not of rows). A direction between the two cut-offs is fitted but
    not counted as a degree of freedom.
    """
    u, s, vt = np.linalg.svd(A, full_matrices=False)
    s_max = s.max() if s.size else 0.0
    keep = s > 1e-15 * s_max
    s_inv = np.zeros_like(s)
    s_inv[keep] = 1.0 / s[keep]
    pinv = np.transpose(vt) @ (s_inv[:, None] * np.transpose(u))
    rank = int(np.sum(s > s_max * s.size * np.finfo(A.dtype).eps))
    return pinv, rank


class OLS(BaseEstimator):
    """Ordinary least squares with the full statsmodels-style inference.

    Parameters
    ----------
    fit_intercept : bool
        Prepend a column of ones named ``"const"`` (statsmodels' ``add_constant``). If
        False, an intercept is still detected when ``X`` holds a constant column or
        columns that add up to a constant (:func:`has_constant`); ``k_constant_`` says
        which, and R², F and ``df_model_`` are then centred as with an intercept.

    Attributes
    ----------
    params_, bse_, tvalues_, pvalues_ : ndarray (n_params,)
        Coefficients (intercept first), standard errors, t statistics, p-values.
    rsquared_, rsquared_adj_, fvalue_, f_pvalue_, llf_, aic_, bic_, scale_ : float
    resid_, fittedvalues_ : ndarray (n_samples,)
    cov_params_ : ndarray (n_params, n_params)
    df_model_, df_resid_ : float

    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]]); y = np.array([1.0, 3.1, 4.9, 7.0])
    >>> OLS().fit(X, y).params_.round(2)
    array([1.03, 1.98])
    """

    def __init__(self, fit_intercept: bool = True) -> None:
        self.fit_intercept = fit_intercept

    # --- the whitening step is the only thing WLS and GLS change -------------------
    def _whiten(self, A: np.ndarray) -> np.ndarray:
        return A

    def _log_det_term(self) -> float:
        """Extra log-likelihood term from the error covariance (0 for OLS)."""
        return 0.0

    def _centered_tss(self, y: np.ndarray, wy: np.ndarray) -> float:
        return float(np.sum((wy - wy.mean()) ** 2))

    def _prepare(self, X: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        X = check_array(X)
        y = check_array(y, name="y", ensure_2d=False)
        if y.ndim != 1 or y.shape[0] != X.shape[0]:
            raise ValueError(
                f"y must be 1-D with one target per row of X: X has {X.shape[0]} rows, "
                f"y has shape {y.shape}."
            )
        self.n_features_in_ = X.shape[1]
        if self.fit_intercept:
            X = np.column_stack([np.ones(X.shape[0]), X])
        return X, y

    def fit(self, X: ArrayLike, y: ArrayLike) -> OLS:
        """Estimate the coefficients and every inference statistic."""
        from scipy import stats

        Xd, y = self._prepare(X, y)
        self._validate_extra(Xd.shape[0])
        wX, wy = self._whiten(Xd), self._whiten(y)
        n = Xd.shape[0]
        pinv, rank = _pinv_and_rank(wX)
        params = pinv @ wy
        k_const = 1 if has_constant(Xd) else 0
        df_resid = float(n - rank)
        if df_resid <= 0:
            raise ValueError(
                f"{n} samples for {rank} independent columns leave no residual degrees of "
                "freedom; inference needs more samples than parameters."
            )
        wresid = wy - wX @ params
        # NumPy scalars, so a perfect fit (SSR = 0) or a constant y (TSS = 0) gives inf or
        # nan, as in statsmodels, instead of a ZeroDivisionError.
        ssr = np.float64(wresid @ wresid)
        scale = ssr / df_resid
        cov = scale * (pinv @ pinv.T)  # = scale * (X'X)^+
        bse = np.sqrt(np.diag(cov))

        if k_const:
            tss = np.float64(self._centered_tss(y, wy))
        else:
            tss = np.float64(wy @ wy)  # uncentred: the model is compared with y = 0
        ess = tss - ssr
        df_model = float(rank - k_const)
        with np.errstate(divide="ignore", invalid="ignore"):
            rsq = 1.0 - ssr / tss
            llf = -n / 2.0 * (np.log(2 * np.pi) + np.log(ssr / n) + 1.0) + self._log_det_term()
            tvalues = params / bse
            fvalue = (ess / df_model) / scale if df_model > 0 else np.float64("nan")
        k = df_model + k_const

        self.params_ = params
        self.bse_ = bse
        self.tvalues_ = tvalues
        self.pvalues_ = 2.0 * stats.t.sf(np.abs(self.tvalues_), df_resid)
        self.cov_params_ = cov
        self.df_model_, self.df_resid_ = df_model, df_resid
        self.k_constant_ = k_const
        self.nobs_ = n
        self.ssr_, self.ess_, self.centered_tss_ = float(ssr), float(ess), float(tss)
        self.scale_ = float(scale)
        self.rsquared_ = float(rsq)
        self.rsquared_adj_ = float(1.0 - (n - k_const) / df_resid * (1.0 - rsq))
        self.fvalue_ = float(fvalue)
        self.f_pvalue_ = float(stats.f.sf(self.fvalue_, df_model, df_resid))
        self.llf_ = float(llf)
        self.aic_ = float(-2 * llf + 2 * k)
        self.bic_ = float(-2 * llf + np.log(n) * k)
        self.fittedvalues_ = Xd @ params
        self.resid_ = y - self.fittedvalues_
        self.wresid_ = wresid
        self.exog_ = Xd
        self.wexog_ = wX
        return self

    def _validate_extra(self, n: int) -> None:
        """Hook for WLS/GLS to check their weights against ``n``."""

    def predict(self, X: ArrayLike) -> np.ndarray:
        """:math:`\\hat y = X\\hat\\beta` (intercept added when ``fit_intercept``)."""
        check_is_fitted(self, "params_")
        X = check_features(self, X)
        if self.fit_intercept:
            X = np.column_stack([np.ones(X.shape[0]), X])
        return X @ self.params_

    def conf_int(self, alpha: float = 0.05) -> np.ndarray:
        """Two-sided :math:`1-\\alpha` intervals :math:`\\hat\\beta \\pm t_{1-\\alpha/2}\\,se`."""
        from scipy import stats

        check_is_fitted(self, "params_")
        q = stats.t.ppf(1 - alpha / 2, self.df_resid_)
        return np.column_stack([self.params_ - q * self.bse_, self.params_ + q * self.bse_])

    def summary(self, names: list[str] | None = None) -> str:
        """A plain-text table like statsmodels' ``summary()``: fit statistics, then one
        row per coefficient (coef, std err, t, P>|t|, 95% interval)."""
        check_is_fitted(self, "params_")
        if names is None:
            names = [f"x{i + 1}" for i in range(self.n_features_in_)]
        if self.fit_intercept:
            names = ["const", *names]
        if len(names) != len(self.params_):
            raise ValueError(
                f"names has {len(names)} entries but there are {len(self.params_)} "
                "coefficients; pass one name per column of X."
            )
        ci = self.conf_int()
        lines = [
            f"{type(self).__name__} regression results",
            f"No. observations: {self.nobs_:>10d}   R-squared:      {self.rsquared_:10.4f}",
            f"Df model:         {self.df_model_:>10.0f}   Adj. R-squared: "
            f"{self.rsquared_adj_:10.4f}",
            f"Df residuals:     {self.df_resid_:>10.0f}   F-statistic:    {self.fvalue_:10.4g}",
            f"Log-likelihood:   {self.llf_:10.4g}   Prob (F):       {self.f_pvalue_:10.4g}",
            f"AIC:              {self.aic_:10.4g}   BIC:            {self.bic_:10.4g}",
            "",
            f"{'':>10} {'coef':>11} {'std err':>10} {'t':>8} {'P>|t|':>7} "
            f"{'[0.025':>11} {'0.975]':>11}",
        ]
        for j, name in enumerate(names):
            lines.append(
                f"{name[:10]:>10} {self.params_[j]:11.4f} {self.bse_[j]:10.3f} "
                f"{self.tvalues_[j]:8.3f} {self.pvalues_[j]:7.3f} "
                f"{ci[j, 0]:11.3f} {ci[j, 1]:11.3f}"
            )
        return "\n".join(lines)


class WLS(OLS):
    """Weighted least squares: minimise :math:`\\sum_i w_i (y_i - x_i^\\top\\beta)^2`.

    ``weights`` are proportional to the inverse error variances, as in
    ``statsmodels.api.WLS``. :math:`R^2` uses the weighted mean and weighted TSS, and
    :math:`\\ell` gains :math:`\\tfrac12\\sum_i \\log w_i`.
    """

    def __init__(self, weights: ArrayLike | None = None, fit_intercept: bool = True) -> None:
        self.weights = weights
        self.fit_intercept = fit_intercept

    def _validate_extra(self, n: int) -> None:
        if self.weights is None:
            raise ValueError("WLS needs weights; pass weights=1/variance, one per sample.")
        w = check_array(self.weights, name="weights", ensure_2d=False)
        if w.shape != (n,) or np.any(w <= 0):
            raise ValueError(
                f"weights must be {n} positive numbers (one per sample), got shape "
                f"{w.shape} with minimum {w.min():.3g}; pass 1/variance for each sample."
            )
        self._w = w

    def _whiten(self, A: np.ndarray) -> np.ndarray:
        s = np.sqrt(self._w)
        return A * s[:, None] if A.ndim == 2 else A * s

    def _log_det_term(self) -> float:
        return 0.5 * float(np.sum(np.log(self._w)))

    def _centered_tss(self, y: np.ndarray, wy: np.ndarray) -> float:
        mean = np.average(y, weights=self._w)
        return float(np.sum(self._w * (y - mean) ** 2))


class GLS(OLS):
    """Generalised least squares with a known error covariance ``sigma`` (n, n).

    Minimises :math:`(y - X\\beta)^\\top \\Sigma^{-1} (y - X\\beta)` by whitening with
    :math:`L^\\top`, where :math:`L L^\\top = \\Sigma^{-1}` (Cholesky), as
    ``statsmodels.api.GLS``. :math:`\\ell` gains :math:`-\\tfrac12\\log\\det\\Sigma`.
    """

    def __init__(self, sigma: ArrayLike | None = None, fit_intercept: bool = True) -> None:
        self.sigma = sigma
        self.fit_intercept = fit_intercept

    def _validate_extra(self, n: int) -> None:
        if self.sigma is None:
            raise ValueError("GLS needs sigma, the (n, n) error covariance; pass it.")
        S = check_array(self.sigma, name="sigma")
        if S.shape != (n, n) or not np.allclose(S, S.T):
            raise ValueError(
                f"sigma must be a symmetric ({n}, {n}) covariance, got shape {S.shape}; "
                "pass the covariance of the errors."
            )
        try:
            self._L = np.linalg.cholesky(np.linalg.inv(S)).T
        except np.linalg.LinAlgError as exc:
            raise ValueError(
                "sigma is not positive definite; pass a valid covariance matrix."
            ) from exc
        self._logdet = float(np.linalg.slogdet(S)[1])

    def _whiten(self, A: np.ndarray) -> np.ndarray:
        return self._L @ A

    def _log_det_term(self) -> float:
        return -0.5 * self._logdet

    def _centered_tss(self, y: np.ndarray, wy: np.ndarray) -> float:
        # The constant that best fits the whitened y, then the whitened deviations.
        iota = self._whiten(np.ones_like(y))
        mean = (wy @ iota) / (iota @ iota)
        err = self._whiten(y - mean)
        return float(err @ err)
