"""Lab: every ``ladder.ml`` classifier beside its scikit-learn twin on three data sets.

Digits, wine and breast cancer; a stratified 75/25 split (``random_state=0``), features
standardised on the training part (multinomial naive Bayes gets the raw, non-negative
values). For each pair: test accuracy and median fit time, ours and scikit-learn's.
``quick`` uses at most 300 samples per data set and 10-tree ensembles. Plots accuracy
(ours against scikit-learn's) and the fit-time ratio.
"""

from __future__ import annotations

import time

from ladder.labs.context import LabContext


def _median_fit(make, X, y, repeats: int):
    """Fit ``repeats`` times (once more only while fits take under a second); median time."""
    times, model = [], None
    for _ in range(repeats):
        if times and times[-1] > 1.0:
            break
        model = make()
        t0 = time.perf_counter()
        model.fit(X, y)
        times.append(time.perf_counter() - t0)
    return model, sorted(times)[len(times) // 2]


def _pairs(n_trees: int):
    """(name, ours factory, scikit-learn factory, wants raw counts)."""
    from sklearn import ensemble as sk_ens
    from sklearn import linear_model as sk_lin
    from sklearn import naive_bayes as sk_nb
    from sklearn import neighbors as sk_nn
    from sklearn import svm as sk_svm
    from sklearn import tree as sk_tree

    from ladder.ml import ensemble, logistic, naive_bayes, neighbors, svm, tree

    return [
        (
            "logistic regression",
            lambda: logistic.LogisticRegression(C=1.0),
            lambda: sk_lin.LogisticRegression(C=1.0, max_iter=5000),
            False,
        ),
        (
            "5 nearest neighbours",
            lambda: neighbors.KNeighborsClassifier(5),
            lambda: sk_nn.KNeighborsClassifier(5, algorithm="brute"),
            False,
        ),
        ("Gaussian naive Bayes", naive_bayes.GaussianNB, sk_nb.GaussianNB, False),
        ("multinomial naive Bayes", naive_bayes.MultinomialNB, sk_nb.MultinomialNB, True),
        (
            "decision tree",
            lambda: tree.DecisionTreeClassifier(random_state=0),
            lambda: sk_tree.DecisionTreeClassifier(random_state=0),
            False,
        ),
        (
            "random forest",
            lambda: ensemble.RandomForestClassifier(n_trees, random_state=0),
            lambda: sk_ens.RandomForestClassifier(n_trees, random_state=0),
            False,
        ),
        (
            "gradient boosting",
            lambda: ensemble.GradientBoostingClassifier(n_trees, random_state=0),
            lambda: sk_ens.GradientBoostingClassifier(n_estimators=n_trees, random_state=0),
            False,
        ),
        ("linear SVM", svm.LinearSVC, lambda: sk_svm.LinearSVC(max_iter=10_000), False),
        ("RBF SVM", svm.SVC, sk_svm.SVC, False),
    ]


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from sklearn.datasets import load_breast_cancer, load_digits, load_wine
    from sklearn.model_selection import train_test_split

    from ladder.ml.preprocessing import StandardScaler

    n_trees = 10 if ctx.quick else 100
    repeats = 1 if ctx.quick else 5
    datasets = {"digits": load_digits, "wine": load_wine, "breast cancer": load_breast_cancer}
    results = []
    for dname, load in datasets.items():
        X, y = load(return_X_y=True)
        if ctx.quick and len(y) > 300:
            keep = np.random.default_rng(ctx.seed).choice(len(y), 300, replace=False)
            X, y = X[keep], y[keep]
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
        scaler = StandardScaler().fit(X_tr)
        Z_tr, Z_te = scaler.transform(X_tr), scaler.transform(X_te)
        rows = []
        for name, ours_make, sk_make, raw in ctx.progress(_pairs(n_trees), description=dname):
            tr, te = (X_tr, X_te) if raw else (Z_tr, Z_te)
            ours, t_ours = _median_fit(ours_make, tr, y_tr, repeats)
            ref, t_ref = _median_fit(sk_make, tr, y_tr, repeats)
            acc_ours = float(np.mean(ours.predict(te) == y_te))
            acc_ref = float(np.mean(ref.predict(te) == y_te))
            rows.append([name, acc_ours, acc_ref, t_ours * 1e3, t_ref * 1e3, t_ours / t_ref])
            key = f"{dname.replace(' ', '_')}_{name.replace(' ', '_')}"
            ctx.metric(f"{key}_acc", acc_ours)
            ctx.metric(f"{key}_acc_sklearn", acc_ref)
            results.append((dname, name, acc_ours, acc_ref, t_ours / t_ref))
        ctx.table(
            f"{dname}: {len(y)} samples, {X.shape[1]} features, {len(np.unique(y))} classes",
            [
                "classifier",
                "accuracy",
                "accuracy (sklearn)",
                "fit ms",
                "fit ms (sklearn)",
                "time / sklearn",
            ],
            rows,
        )

    fig, axes = plt.subplots(1, 2, figsize=(11, 4.5))
    markers = {"digits": "o", "wine": "s", "breast cancer": "^"}
    for dname, _, a, b, _ in results:
        axes[0].scatter(b, a, marker=markers[dname], alpha=0.7)
    lo = min(min(r[2], r[3]) for r in results) - 0.02
    axes[0].plot([lo, 1], [lo, 1], color="grey", lw=1)
    axes[0].set(
        xlabel="scikit-learn accuracy",
        ylabel="ladder accuracy",
        title="Test accuracy (one marker per pair)",
    )
    names = [p[0] for p in _pairs(1)]
    for k, dname in enumerate(datasets):
        ratios = [r[4] for r in results if r[0] == dname]
        axes[1].barh(np.arange(len(names)) + 0.27 * (k - 1), ratios, height=0.27, label=dname)
    axes[1].set_yticks(np.arange(len(names)), names, fontsize=8)
    axes[1].set_xscale("log")
    axes[1].axvline(1, color="grey", lw=1)
    axes[1].set(xlabel="fit time, ladder / scikit-learn", title="Fit time ratio")
    axes[1].legend(fontsize=8)
    fig.tight_layout()
    path = ctx.figure("classifier_zoo")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
