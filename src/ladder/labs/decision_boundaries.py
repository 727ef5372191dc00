"""Lab: decision boundaries of the stage's classifiers for 2, 3 and 4 classes.

Gaussian blobs in the plane (``n_classes`` centres on a circle, overlapping a little).
Each ``ladder.ml`` classifier is fitted, its prediction is drawn on a grid, and the
table gives its training accuracy beside its scikit-learn twin's and the share of the
grid where the two predict the same class. ``quick`` uses a coarser grid and fewer
points.
"""

from __future__ import annotations

from ladder.labs.context import LabContext


def _blobs(n_classes: int, n_per_class: int, seed: int):
    import numpy as np

    rng = np.random.default_rng(seed)
    angles = 2 * np.pi * np.arange(n_classes) / n_classes
    centres = 2.0 * np.c_[np.cos(angles), np.sin(angles)]
    X = np.concatenate([c + rng.normal(scale=1.0, size=(n_per_class, 2)) for c in centres])
    y = np.repeat(np.arange(n_classes), n_per_class)
    return X, y


def _pairs():
    from sklearn import ensemble as sk_ens
    from sklearn import linear_model as sk_lin
    from sklearn import naive_bayes as sk_nb
    from sklearn import neighbors as sk_nn
    from sklearn import svm as sk_svm
    from sklearn import tree as sk_tree

    from ladder.ml import ensemble, logistic, naive_bayes, neighbors, svm, tree

    return [
        ("logistic", logistic.LogisticRegression, lambda: sk_lin.LogisticRegression(max_iter=5000)),
        (
            "15-NN",
            lambda: neighbors.KNeighborsClassifier(15),
            lambda: sk_nn.KNeighborsClassifier(15, algorithm="brute"),
        ),
        ("Gaussian NB", naive_bayes.GaussianNB, sk_nb.GaussianNB),
        (
            "tree, depth 4",
            lambda: tree.DecisionTreeClassifier(max_depth=4, random_state=0),
            lambda: sk_tree.DecisionTreeClassifier(max_depth=4, random_state=0),
        ),
        (
            "forest",
            lambda: ensemble.RandomForestClassifier(30, max_depth=6, random_state=0),
            lambda: sk_ens.RandomForestClassifier(30, max_depth=6, random_state=0),
        ),
        ("RBF SVM", svm.SVC, sk_svm.SVC),
    ]


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    n_grid = 60 if ctx.quick else 200
    n_per_class = 40 if ctx.quick else 100
    pairs = _pairs()
    fig, axes = plt.subplots(3, len(pairs), figsize=(3 * len(pairs), 9), squeeze=False)
    rows = []
    for r, n_classes in enumerate(ctx.progress([2, 3, 4], description="classes")):
        X, y = _blobs(n_classes, n_per_class, ctx.seed)
        g0, g1 = np.meshgrid(np.linspace(-5, 5, n_grid), np.linspace(-5, 5, n_grid))
        grid = np.c_[g0.ravel(), g1.ravel()]
        for c, (name, ours_make, sk_make) in enumerate(pairs):
            ours = ours_make().fit(X, y)
            ref = sk_make().fit(X, y)
            pred = ours.predict(grid)
            agree = float(np.mean(pred == ref.predict(grid)))
            acc, acc_ref = float(np.mean(ours.predict(X) == y)), float(np.mean(ref.predict(X) == y))
            rows.append([n_classes, name, acc, acc_ref, agree])
            ctx.metric(
                f"{n_classes}_classes_{name.split(',')[0].replace(' ', '_')}_agreement", agree
            )
            ax = axes[r, c]
            ax.contourf(
                g0,
                g1,
                pred.reshape(g0.shape),
                levels=np.arange(n_classes + 1) - 0.5,
                cmap="tab10",
                vmin=0,
                vmax=9,
                alpha=0.35,
            )
            ax.scatter(X[:, 0], X[:, 1], c=y, cmap="tab10", vmin=0, vmax=9, s=6)
            ax.set(xlim=(-5, 5), ylim=(-5, 5))
            ax.set_xticks([])
            ax.set_yticks([])
            if r == 0:
                ax.set_title(name, fontsize=10)
            if c == 0:
                ax.set_ylabel(f"{n_classes} classes")
        _forest_seed_spread(ctx, n_classes, X, y, grid)
    ctx.table(
        "Training accuracy and agreement with scikit-learn on the plotting grid",
        ["classes", "classifier", "train accuracy", "train accuracy (sklearn)", "grid agreement"],
        rows,
    )
    fig.tight_layout()
    path = ctx.figure("decision_boundaries")
    fig.savefig(path, dpi=90)
    plt.close(fig)
    ctx.saved(path)


def _forest_seed_spread(ctx: LabContext, n_classes: int, X, y, grid) -> None:
    """Forests differ by their random draws, so agreement with one scikit-learn forest
    means little alone. Compare ours and a scikit-learn forest (seed 0) with the same
    four other scikit-learn seeds: an equal forest agrees with them as often as
    scikit-learn agrees with itself."""
    import numpy as np
    from sklearn import ensemble as sk_ens

    from ladder.ml import ensemble

    def forest(module, seed):
        return module.RandomForestClassifier(30, max_depth=6, random_state=seed).fit(X, y)

    others = [forest(sk_ens, seed).predict(grid) for seed in (1, 2, 3, 4)]
    ours = forest(ensemble, 0).predict(grid)
    theirs = forest(sk_ens, 0).predict(grid)
    ours_agree = [float(np.mean(ours == o)) for o in others]
    theirs_agree = [float(np.mean(theirs == o)) for o in others]
    ctx.metric(f"{n_classes}_classes_forest_agreement_other_seeds", float(np.mean(ours_agree)))
    ctx.metric(
        f"{n_classes}_classes_sklearn_forest_agreement_other_seeds", float(np.mean(theirs_agree))
    )
    ctx.metric(
        f"{n_classes}_classes_forest_agreement_other_seeds_std",
        float(np.std(ours_agree + theirs_agree, ddof=1)),
    )
