"""Lab: gradient descent and its relatives on linear regression, against the closed form.

Least squares on the diabetes data (features standardised, a column of ones), the
problem of ``ladder.ml.optim.least_squares_objective``. Runs batch gradient descent,
momentum, Adam, Newton, conjugate gradients and BFGS to a gradient norm of 1e-6, and
SGD and mini-batch gradient descent for a number of epochs; reports iterations and the
distance to the closed-form solution (scikit-learn's ``LinearRegression``), and SciPy's
CG and BFGS iterations on the same function. Plots the loss curves and, on body-mass
index alone, the lines each method fits.
"""

from __future__ import annotations

from ladder.labs.context import LabContext

KEYS = {
    "gradient descent": "gd",
    "momentum": "momentum",
    "Adam": "adam",
    "conjugate gradient": "cg",
    "BFGS": "bfgs",
    "Newton": "newton",
    "SGD": "sgd",
    "mini-batch (32)": "minibatch",
}


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from scipy.optimize import minimize
    from sklearn.datasets import load_diabetes
    from sklearn.linear_model import LinearRegression as SkLinearRegression

    from ladder.ml import optim
    from ladder.ml.preprocessing import StandardScaler

    X, y = load_diabetes(return_X_y=True)
    A = np.c_[np.ones(len(y)), StandardScaler().fit_transform(X)]
    f, grad, hess = optim.least_squares_objective(A, y)
    eig = np.linalg.eigvalsh(hess(None))
    L = float(eig.max())
    ctx.metric("condition_number", float(eig.max() / eig.min()))
    sk = SkLinearRegression(fit_intercept=False).fit(A, y)
    w_star, f_star = sk.coef_, f(sk.coef_)
    kappa = eig.max() / eig.min()
    ctx.log(f"{A.shape[0]} samples, {A.shape[1]} parameters, condition number {kappa:.0f}")

    w0 = np.zeros(A.shape[1])
    tol = 1e-6
    runs = {}
    methods = [
        (
            "gradient descent",
            "η = 1/L",
            lambda: optim.gradient_descent(grad, w0, 1 / L, 100_000, tol, f),
        ),
        (
            "momentum",
            "η = 1/L, β = 0.9",
            lambda: optim.momentum(grad, w0, 1 / L, 0.9, 100_000, tol, f),
        ),
        ("Adam", "η = 1", lambda: optim.adam(grad, w0, 1.0, max_iter=100_000, tol=tol, fun=f)),
        ("conjugate gradient", "Wolfe", lambda: optim.conjugate_gradient(f, grad, w0, tol=tol)),
        ("BFGS", "Wolfe", lambda: optim.bfgs(f, grad, w0, tol=tol)),
        ("Newton", "", lambda: optim.newton(grad, hess, w0, tol=tol, fun=f)),
    ]
    for name, _, fit in ctx.progress(methods, description="optimisers"):
        runs[name] = fit()
    n_epochs = 5 if ctx.quick else 50

    def batch_grad(w, Xb, yb):
        return (2.0 / len(yb)) * Xb.T @ (Xb @ w - yb)

    for name, b, lr in (("SGD", 1, 0.01), ("mini-batch (32)", 32, 0.1)):
        runs[name] = optim.minibatch_gradient_descent(
            batch_grad,
            A,
            y,
            w0,
            batch_size=b,
            learning_rate=lr,
            n_epochs=n_epochs,
            random_state=ctx.seed,
            fun=f,
            decay=0.1,
        )
    scipy_iters = {
        m: minimize(f, w0, jac=grad, method=m, options={"gtol": tol}).nit for m in ("CG", "BFGS")
    }

    rows = [["scikit-learn LinearRegression", "closed form (lstsq)", "", f_star, 0.0]]
    settings = {name: s for name, s, _ in methods}
    settings.update(
        {"SGD": f"batch 1, {n_epochs} epochs", "mini-batch (32)": f"batch 32, {n_epochs} epochs"}
    )
    for name, res in runs.items():
        gap = float(np.max(np.abs(res.x - w_star)))
        rows.append(["ladder " + name, settings[name], res.n_iter, f(res.x), gap])
        key = KEYS[name]
        ctx.metric(f"{key}_iterations", res.n_iter)
        ctx.metric(f"{key}_max_coef_diff", gap)
    for m, nit in scipy_iters.items():
        rows.append([f"SciPy minimize({m})", "gtol 1e-6", nit, float("nan"), float("nan")])
        ctx.metric(f"scipy_{m.lower()}_iterations", int(nit))
    ctx.table(
        "Least squares on standardised diabetes (stop at ‖∇f‖ < 1e-6)",
        ["method", "settings", "iterations / epochs", "final loss", "max |w − w*|"],
        rows,
    )

    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    for name, res in runs.items():
        gaps = np.maximum(np.asarray(res.history) - f_star, 1e-12)
        axes[0].semilogy(np.arange(1, gaps.size + 1), gaps, label=name)
    axes[0].set(
        xscale="log",
        xlabel="iteration (epoch for SGD / mini-batch)",
        ylabel="f(w) − f(w*)",
        title="Loss above the closed-form optimum",
    )
    axes[0].legend(fontsize=7)
    # One feature (BMI) so the fitted lines can be drawn.
    B = A[:, [0, 3]]
    fb, gb, _ = optim.least_squares_objective(B, y)
    wb = np.linalg.lstsq(B, y, rcond=None)[0]
    axes[1].scatter(B[:, 1], y, s=6, alpha=0.5, color="grey")
    grid = np.linspace(B[:, 1].min(), B[:, 1].max(), 20)
    for name, w in (
        ("closed form", wb),
        ("GD, 20 steps", optim.gradient_descent(gb, [0.0, 0.0], 0.25, 20).x),
        ("Adam, 20 steps", optim.adam(gb, [0.0, 0.0], 5.0, max_iter=20).x),
        (
            "SGD, 1 epoch",
            optim.minibatch_gradient_descent(
                lambda w, Xb, yb: (2.0 / len(yb)) * Xb.T @ (Xb @ w - yb),
                B,
                y,
                [0.0, 0.0],
                batch_size=1,
                learning_rate=0.01,
                n_epochs=1,
                random_state=ctx.seed,
            ).x,
        ),
    ):
        axes[1].plot(grid, w[0] + w[1] * grid, label=name)
    axes[1].set(xlabel="body-mass index (standardised)", ylabel="progression", title="Fitted lines")
    axes[1].legend(fontsize=7)
    fig.tight_layout()
    path = ctx.figure("loss_curves")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
