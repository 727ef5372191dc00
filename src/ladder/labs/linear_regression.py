"""Lab: linear regression on the diabetes data, ours beside scikit-learn's.

Fits ``ladder.ml.linear.LinearRegression`` with each solver and scikit-learn's
``LinearRegression`` on the same 80/20 split, and reports the largest coefficient
difference, R² on both parts, and fit time. Plots the BMI-only fit and predicted
against actual progression.
"""

from __future__ import annotations

from ladder.labs.context import LabContext, timed


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from sklearn.datasets import load_diabetes
    from sklearn.linear_model import LinearRegression as SkLinearRegression
    from sklearn.model_selection import train_test_split

    from ladder.ml.linear import LinearRegression
    from ladder.ml.metrics import r2_score

    X, y = load_diabetes(return_X_y=True)
    ctx.log(f"diabetes data: {X.shape[0]} patients, {X.shape[1]} features")
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=0)
    repeats = 5 if ctx.quick else 50

    sk = SkLinearRegression().fit(X_tr, y_tr)
    sk_time = timed(lambda: SkLinearRegression().fit(X_tr, y_tr), repeats)[1]
    rows = [
        [
            "scikit-learn",
            "lstsq",
            0.0,
            sk.score(X_tr, y_tr),
            sk.score(X_te, y_te),
            sk_time * 1e3,
            1.0,
        ]
    ]
    for solver in ctx.progress(["normal", "qr", "svd"], description="fitting"):
        ours = LinearRegression(solver=solver).fit(X_tr, y_tr)
        t = timed(lambda s=solver: LinearRegression(solver=s).fit(X_tr, y_tr), repeats)[1]
        diff = float(np.max(np.abs(ours.coef_ - sk.coef_)))
        rows.append(
            [
                "ladder",
                solver,
                diff,
                ours.score(X_tr, y_tr),
                ours.score(X_te, y_te),
                t * 1e3,
                t / sk_time,
            ]
        )
        ctx.metric(f"{solver}_max_coef_diff", diff)
    ctx.table(
        "80/20 split (random_state=0)",
        ["library", "solver", "max |Δcoef|", "train R²", "test R²", "fit ms", "time / sklearn"],
        rows,
    )
    full = LinearRegression().fit(X, y)
    bmi = LinearRegression().fit(X[:, [2]], y)
    ctx.metric("train_r2", rows[-1][3])
    ctx.metric("test_r2", rows[-1][4])
    ctx.metric("full_data_r2", full.score(X, y))
    ctx.metric("bmi_slope", float(bmi.coef_[0]))
    ctx.metric("bmi_r2", bmi.score(X[:, [2]], y))

    fig, axes = plt.subplots(1, 2, figsize=(10, 4))
    axes[0].scatter(X[:, 2], y, s=8, alpha=0.6)
    grid = np.linspace(X[:, 2].min(), X[:, 2].max(), 50)
    axes[0].plot(
        grid,
        bmi.predict(grid[:, None]),
        color="C1",
        label=f"slope {bmi.coef_[0]:.1f}, R² {r2_score(y, bmi.predict(X[:, [2]])):.3f}",
    )
    axes[0].set(xlabel="body-mass index (standardised)", ylabel="progression", title="One feature")
    axes[0].legend()
    axes[1].scatter(y_te, LinearRegression().fit(X_tr, y_tr).predict(X_te), s=8)
    axes[1].plot([y.min(), y.max()], [y.min(), y.max()], color="grey", lw=1)
    axes[1].set(xlabel="actual", ylabel="predicted", title="All features, test split")
    fig.tight_layout()
    path = ctx.figure("diabetes")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
