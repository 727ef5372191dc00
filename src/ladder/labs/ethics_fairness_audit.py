"""Lab: a fairness audit of a cardiovascular-disease classifier, by gender, and what each
mitigation costs.

Two data sets, each split 70/30 with the seed:

* the 68,613 cleaned rows of the medical-examination set (``ladder.data.tabular``; the
  synthetic set stands in when the file is absent), groups by gender. The model uses the
  ten standardised measurements; gender is *not* a feature, but height and weight carry
  it. The audit finds the disparities small here, and the mitigations mostly trade
  accuracy for noise: an audit's first result can be "no large gap";
* the synthetic hiring set with label bias 0.3 (``ladder.data.synthetic``): group b's
  recorded positives were cut by 30 %, and a proxy feature reveals the group. Here the
  baseline copies the bias, and every mitigation visibly closes the gap.

The model is ``ladder.ml.LogisticRegression``.

1. The baseline, by group: base rate, selection rate, accuracy, TPR, FPR.
2. Mitigations, each scored on the test set: reweighing (before training), group
   thresholds for demographic parity and for equalized odds (after training, ours beside
   fairlearn's ``ThresholdOptimizer``), and the exponentiated-gradient reduction for each
   constraint (during training, ours beside fairlearn's ``ExponentiatedGradient``, the
   same base learner in both). Thresholds and reductions give randomised classifiers:
   their accuracy and disparities are *expected* values, computed from each person's
   probability of a positive decision, so no coin flips blur the comparison.
3. A plot of accuracy against each disparity: the price of each kind of fairness.

``quick`` uses 6,000 medical rows and 3,000 synthetic ones.
"""

from __future__ import annotations

from ladder.labs.context import LabContext


def _expected(p, y, g):
    """Accuracy, DP difference and EO difference of decisions made with probability p."""
    import numpy as np

    acc = float(np.mean(np.where(y == 1, p, 1 - p)))
    groups = np.unique(g)
    sel = [p[g == a].mean() for a in groups]
    tpr = [p[(g == a) & (y == 1)].mean() for a in groups]
    fpr = [p[(g == a) & (y == 0)].mean() for a in groups]
    return acc, float(max(sel) - min(sel)), float(max(max(tpr) - min(tpr), max(fpr) - min(fpr)))


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from ladder.data.synthetic import fairness_dataset, make_biased_classification

    fig, axes = plt.subplots(2, 2, figsize=(11, 8.4))
    sets = [
        ("medical", fairness_dataset("medical"), 6000),
        ("synthetic", make_biased_classification(20_000, bias=0.3, random_state=ctx.seed), 3000),
    ]
    for row_axes, (prefix, data, quick_rows) in zip(axes, sets, strict=True):
        results = _audit(ctx, prefix, data, quick_rows)
        for ax, j, name in (
            (row_axes[0], 1, "demographic parity difference"),
            (row_axes[1], 2, "equalized odds difference"),
        ):
            for method, _, vals, _, _ in results:
                ax.scatter(vals[j], vals[0], s=40)
                ax.annotate(
                    method,
                    (vals[j], vals[0]),
                    fontsize=8,
                    xytext=(4, 3),
                    textcoords="offset points",
                )
            ax.set_xlabel(name + " (lower is fairer)")
            ax.set_ylabel(f"{prefix}: test accuracy")
            ax.grid(alpha=0.3)
    fig.suptitle("The accuracy cost of each mitigation", fontsize=11)
    fig.tight_layout()
    path = ctx.figure("accuracy_vs_disparity")
    fig.savefig(path, dpi=110)
    plt.close(fig)
    ctx.saved(path)


def _audit(ctx: LabContext, prefix: str, data, quick_rows: int):
    import numpy as np
    from fairlearn.postprocessing import ThresholdOptimizer as FLThresholds
    from fairlearn.reductions import DemographicParity as FLDP
    from fairlearn.reductions import EqualizedOdds as FLEO
    from fairlearn.reductions import ExponentiatedGradient as FLEG
    from sklearn.base import BaseEstimator, ClassifierMixin

    from ladder.ethics import metrics as fm
    from ladder.ethics.reductions import DemographicParity, EqualizedOdds, ExponentiatedGradient
    from ladder.ethics.reweighing import reweighing_weights
    from ladder.ethics.thresholds import ThresholdOptimizer
    from ladder.ml.logistic import LogisticRegression

    ctx.log(f"{prefix}: {data.source}, {len(data):,} rows, groups by {data.group_name}")
    rng = np.random.default_rng(ctx.seed)
    idx = rng.permutation(len(data))
    if ctx.quick:
        idx = idx[:quick_rows]
    cut = int(0.7 * len(idx))
    tr, te = idx[:cut], idx[cut:]
    mu, sd = data.X[tr].mean(0), data.X[tr].std(0)
    X = (data.X - mu) / sd
    Xtr, Xte, ytr, yte = X[tr], X[te], data.y[tr], data.y[te]
    gtr, gte = data.group[tr], data.group[te]
    groups = [str(a) for a in np.unique(data.group)]
    ctx.metric(f"{prefix}_n_train", int(len(tr)))
    ctx.metric(f"{prefix}_n_test", int(len(te)))

    base = LogisticRegression().fit(Xtr, ytr)
    pred = base.predict(Xte)
    mf = fm.MetricFrame(
        metrics={
            "selection rate": fm.selection_rate,
            "TPR": fm.true_positive_rate,
            "FPR": fm.false_positive_rate,
            "accuracy": lambda t, p: float(np.mean(t == p)),
        },
        y_true=yte,
        y_pred=pred,
        sensitive_features=gte,
    )
    rows = []
    for row in mf.rows():
        m = gte == row[0] if row[0] != "overall" else np.ones(len(gte), bool)
        rows.append([row[0], int(m.sum()), float(yte[m].mean()), *row[1:]])
    ctx.table(
        f"{prefix}: baseline logistic regression by {data.group_name} (test set)",
        ["group", "n", "base rate", "selection rate", "TPR", "FPR", "accuracy"],
        rows,
    )

    results = []  # (method, stage, ours (acc, dp, eo), fairlearn (acc, dp, eo) or None, probs)
    results.append(
        ("baseline", "none", _expected(pred.astype(float), yte, gte), None, pred.astype(float))
    )

    w = reweighing_weights(ytr, gtr)
    rw = LogisticRegression().fit(Xtr, ytr, sample_weight=w)
    p_rw = rw.predict(Xte).astype(float)
    results.append(("reweighing", "before training", _expected(p_rw, yte, gte), None, p_rw))

    class Fixed(ClassifierMixin, BaseEstimator):
        """The baseline's scores, stored in column 0, for fairlearn's prefit path."""

        def fit(self, X, y):
            return self

        def predict_proba(self, X):
            s = np.asarray(X)[:, 0]
            return np.column_stack([1 - s, s])

        def __sklearn_is_fitted__(self):
            return True

    s_tr, s_te = base.predict_proba(Xtr)[:, 1], base.predict_proba(Xte)[:, 1]
    max_threshold_gap = 0.0
    for constraint, label in (
        ("demographic_parity", "thresholds (DP)"),
        ("equalized_odds", "thresholds (EO)"),
    ):
        ours = ThresholdOptimizer(constraints=constraint).fit(s_tr, ytr, sensitive_features=gtr)
        p_ours = ours.predict_proba(s_te, sensitive_features=gte)
        ref = FLThresholds(
            estimator=Fixed(), constraints=constraint, prefit=True, predict_method="predict_proba"
        ).fit(s_tr[:, None], ytr, sensitive_features=gtr)
        p_ref = ref.interpolated_thresholder_._pmf_predict(s_te[:, None], sensitive_features=gte)[
            :, 1
        ]
        max_threshold_gap = max(max_threshold_gap, float(np.abs(p_ours - p_ref).max()))
        results.append(
            (
                label,
                "after training",
                _expected(p_ours, yte, gte),
                _expected(p_ref, yte, gte),
                p_ours,
            )
        )
    ctx.metric(f"{prefix}_threshold_max_probability_diff_vs_fairlearn", max_threshold_gap)

    for ours_c, fl_c, label in (
        (DemographicParity, FLDP, "exp. gradient (DP)"),
        (EqualizedOdds, FLEO, "exp. gradient (EO)"),
    ):
        eg = ExponentiatedGradient(LogisticRegression(), ours_c()).fit(
            Xtr, ytr, sensitive_features=gtr
        )
        p_ours = eg._pmf_predict(Xte)
        ref = FLEG(LogisticRegression(), fl_c()).fit(Xtr, ytr, sensitive_features=gtr)
        p_ref = ref._pmf_predict(Xte)[:, 1]
        results.append(
            (
                label,
                "during training",
                _expected(p_ours, yte, gte),
                _expected(p_ref, yte, gte),
                p_ours,
            )
        )
        ctx.log(
            f"{label}: {len(eg.predictors_)} classifiers, {eg.n_oracle_calls_} fits, "
            f"gap {eg.best_gap_:.2e}"
        )

    table = []
    for method, stage, (acc, dp, eo), ref, _ in results:
        ref = ref or (float("nan"),) * 3
        table.append([method, stage, acc, dp, eo, *ref])
        key = method.replace(" ", "_").replace("(", "").replace(")", "").replace(".", "")
        ctx.metric(f"{prefix}_{key}_accuracy", float(acc))
        ctx.metric(f"{prefix}_{key}_dp_difference", float(dp))
        ctx.metric(f"{prefix}_{key}_eo_difference", float(eo))
    ctx.table(
        f"{prefix}: mitigations on the test set (expected values), ours beside fairlearn",
        [
            "method",
            "stage",
            "accuracy",
            "DP difference",
            "EO difference",
            "fairlearn accuracy",
            "fairlearn DP diff.",
            "fairlearn EO diff.",
        ],
        table,
    )
    by_group = []
    for a in groups:
        m = gte == a
        by_group.append([a] + [float(p[m].mean()) for *_, p in results])
    ctx.table(
        f"{prefix}: selection rate by group after each mitigation",
        ["group"] + [r[0] for r in results],
        by_group,
    )

    return results
