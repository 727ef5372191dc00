"""Lab: regression inference on the diabetes data, our summary beside statsmodels'.

Fits ``ladder.ml.inference.OLS`` and ``statsmodels.api.OLS`` on all 442 patients and
prints, coefficient by coefficient, estimate, standard error, t and p from both; then
the model statistics and the diagnostics (Breusch–Pagan, White, skewness, kurtosis,
Cook's distance, leverage, VIF) beside their statsmodels / SciPy twins. Plots residuals
against fitted values, and studentised residuals against leverage sized by Cook's
distance.
"""

from __future__ import annotations

from ladder.labs.context import LabContext


def run(ctx: LabContext) -> None:
    import warnings

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    import statsmodels.api as sm
    from scipy import stats
    from sklearn.datasets import load_diabetes
    from statsmodels.stats.diagnostic import het_breuschpagan, het_white
    from statsmodels.stats.outliers_influence import OLSInfluence, variance_inflation_factor

    from ladder.ml import diagnostics as dg
    from ladder.ml.inference import OLS

    data = load_diabetes()
    X, y, names = data.data, data.target, ["const", *data.feature_names]
    ours = OLS().fit(X, y)
    A = sm.add_constant(X)
    ref = sm.OLS(y, A).fit()
    ctx.log(f"diabetes: {X.shape[0]} patients, {X.shape[1]} features")

    rows = []
    for j, name in enumerate(names):
        rows.append(
            [name]
            + [
                float(v)
                for v in (
                    ours.params_[j],
                    ref.params[j],
                    ours.bse_[j],
                    ref.bse[j],
                    ours.tvalues_[j],
                    ref.tvalues[j],
                    ours.pvalues_[j],
                    ref.pvalues[j],
                )
            ]
        )
    ctx.table(
        "Coefficients: ladder beside statsmodels",
        ["term", "coef", "coef (sm)", "std err", "std err (sm)", "t", "t (sm)", "p", "p (sm)"],
        rows,
    )

    bp, bp_ref = dg.breusch_pagan(ours.resid_, A), het_breuschpagan(ref.resid, A)
    with warnings.catch_warnings():  # sex is 0/1, so sex² repeats it: rank-deficient by design
        warnings.simplefilter("ignore")
        wh_ref = het_white(ref.resid, A)
    wh = dg.white_test(ours.resid_, A)
    infl = OLSInfluence(ref)
    cook, lev = dg.cooks_distance(ours.resid_, A)[0], dg.leverage(A)
    vifs = [dg.vif(A, j) for j in range(1, A.shape[1])]
    vifs_ref = [variance_inflation_factor(A, j) for j in range(1, A.shape[1])]
    stats_rows = [
        ["R²", ours.rsquared_, ref.rsquared],
        ["adjusted R²", ours.rsquared_adj_, ref.rsquared_adj],
        ["F statistic", ours.fvalue_, ref.fvalue],
        ["p-value of F", ours.f_pvalue_, ref.f_pvalue],
        ["log-likelihood", ours.llf_, ref.llf],
        ["AIC", ours.aic_, ref.aic],
        ["BIC", ours.bic_, ref.bic],
        ["residual skewness", dg.skewness(ours.resid_), float(stats.skew(ref.resid))],
        ["residual excess kurtosis", dg.kurtosis(ours.resid_), float(stats.kurtosis(ref.resid))],
        ["Breusch–Pagan LM", bp[0], bp_ref[0]],
        ["Breusch–Pagan p", bp[1], bp_ref[1]],
        ["White LM", wh[0], wh_ref[0]],
        ["White p", wh[1], wh_ref[1]],
        ["max Cook's distance", float(cook.max()), float(infl.cooks_distance[0].max())],
        ["max leverage", float(lev.max()), float(infl.hat_matrix_diag.max())],
        *[[f"VIF {n}", v, r] for n, v, r in zip(names[1:], vifs, vifs_ref, strict=True)],
    ]
    stats_rows = [[name, float(a), float(b)] for name, a, b in stats_rows]
    ctx.table(
        "Model statistics and diagnostics",
        ["statistic", "ladder", "statsmodels / SciPy"],
        stats_rows,
    )

    ctx.metric(
        "max_param_rel_diff", float(np.max(np.abs(ours.params_ - ref.params) / np.abs(ref.params)))
    )
    ctx.metric("max_bse_rel_diff", float(np.max(np.abs(ours.bse_ - ref.bse) / ref.bse)))
    for key, value in (
        ("r2", ours.rsquared_),
        ("adj_r2", ours.rsquared_adj_),
        ("fvalue", ours.fvalue_),
        ("f_pvalue", ours.f_pvalue_),
        ("aic", ours.aic_),
        ("bic", ours.bic_),
        ("bp_lm", bp[0]),
        ("bp_pvalue", bp[1]),
        ("max_cook", float(cook.max())),
        ("n_cook_above_4_over_n", int(np.sum(cook > 4 / len(y)))),
        ("mean_leverage", float(lev.mean())),
        ("vif_s1", vifs[4]),
        ("vif_s2", vifs[5]),
        ("skewness", dg.skewness(ours.resid_)),
        ("kurtosis", dg.kurtosis(ours.resid_)),
    ):
        ctx.metric(key, float(value))

    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    axes[0].scatter(ours.fittedvalues_, ours.resid_, s=8, alpha=0.6)
    axes[0].axhline(0, color="grey", lw=1)
    axes[0].set(
        xlabel="fitted value", ylabel="residual", title=f"Residuals (Breusch–Pagan p = {bp[1]:.4f})"
    )
    r = dg.studentized_residuals(ours.resid_, A)
    axes[1].scatter(lev, r, s=4 + 2000 * cook, alpha=0.5)
    axes[1].axvline(2 * A.shape[1] / len(y), color="grey", lw=1, ls="--")
    axes[1].set(
        xlabel="leverage $h_{ii}$",
        ylabel="studentised residual",
        title="Influence (marker size ~ Cook's distance)",
    )
    fig.tight_layout()
    path = ctx.figure("diagnostics")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
