"""Stage 1 figures: fit time and quality of each ``ladder.ml`` estimator beside its
scikit-learn twin, on the same split of the same bundled dataset, in the same run.

``run(quick)`` returns rows in the contract of ``benchmarks/run.py``: two rows per pair,
``fit time`` (median of repeats, seconds, lower is better) and quality on the test split
(accuracy or R², higher is better). ``quick=True`` uses three repeats (their median
absorbs a cold first call), no warm-up fit and smaller ensembles.

Fair timing: BLAS is pinned to one thread on both sides (``threadpoolctl``; on a shared
machine, threads fighting over cores swamp the differences being measured), and in
full mode each model is fitted once untimed first, so the first call's import and
allocation costs do not land on one side only. Iterative solvers stop by the same rule
on both sides: the defaults already agree for Lasso/ElasticNet (duality gap) and
LinearSVC (liblinear's gradient rule), while ``LogisticRegression`` is run with
sklearn's ``tol`` set to ours divided by ``C n`` (sklearn minimises the objective
divided by ``C n``), i.e. a largest gradient entry of 1e-8 on our scale. Its L-BFGS
then stops on its relative-decrease test (``ftol`` = 64 eps) first, at about 4e-6 on
our scale: as close as it gets. At its own default (1e-4 on its scale, about 0.1 on
ours) it stops on digits after 31 iterations instead of 137, far from the optimum,
with a different test accuracy.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def _median_fit(
    make: Callable[[], Any], X, y, repeats: int, warm_up: bool, min_seconds: float = 0.0
) -> tuple[float, Any, int]:
    """Median fit time over ``repeats`` fits, or more until ``min_seconds`` are spent (a
    fit of a millisecond or two is then timed a hundred times: five medians of such
    short runs moved the ratio by a fifth between runs). Returns the number of fits too."""
    if warm_up:
        make().fit(X, y)  # untimed: first-call costs would land on one side only
    times: list[float] = []
    model = None
    while len(times) < repeats or (sum(times) < min_seconds and len(times) < 500):
        model = make()
        t0 = time.perf_counter()
        model.fit(X, y)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), model, len(times)


def _datasets() -> dict[str, tuple]:
    from sklearn.datasets import load_breast_cancer, load_diabetes, load_digits, load_wine
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    out = {}
    for name, loader in [
        ("diabetes", load_diabetes),
        ("digits", load_digits),
        ("breast cancer", load_breast_cancer),
        ("wine", load_wine),
    ]:
        X, y = loader(return_X_y=True)
        Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, random_state=0)
        scaler = StandardScaler().fit(Xtr)
        out[name] = (Xtr, Xte, ytr, yte, scaler.transform(Xtr), scaler.transform(Xte))
    return out


def _pairs(quick: bool, n_train: dict[str, int]) -> list[tuple]:
    """(label, dataset, ours, theirs, sklearn name, needs standardised X)."""
    import sklearn.cluster as skc
    import sklearn.decomposition as skd
    import sklearn.ensemble as ske
    import sklearn.linear_model as sklm
    import sklearn.naive_bayes as sknb
    import sklearn.neighbors as skn
    import sklearn.svm as sks
    import sklearn.tree as skt

    from ladder.ml import (
        cluster,
        decomposition,
        ensemble,
        linear,
        logistic,
        naive_bayes,
        neighbors,
        regularized,
        svm,
        tree,
    )

    n_trees = 20 if quick else 100
    n_boost = 10 if quick else 100

    def sk_logistic(dataset: str, tol: float = 1e-8, C: float = 1.0):
        """sklearn's LogisticRegression stopping where ours does (module docstring)."""
        return lambda: sklm.LogisticRegression(
            C=C, tol=tol / (C * n_train[dataset]), max_iter=10_000
        )

    return [
        (
            "LinearRegression",
            "diabetes",
            linear.LinearRegression,
            sklm.LinearRegression,
            "sklearn LinearRegression",
            False,
        ),
        (
            "Ridge",
            "diabetes",
            lambda: regularized.Ridge(1.0),
            lambda: sklm.Ridge(1.0),
            "sklearn Ridge",
            False,
        ),
        (
            "Lasso",
            "diabetes",
            lambda: regularized.Lasso(0.1),
            lambda: sklm.Lasso(0.1),
            "sklearn Lasso",
            False,
        ),
        (
            "ElasticNet",
            "diabetes",
            lambda: regularized.ElasticNet(0.01),
            lambda: sklm.ElasticNet(0.01),
            "sklearn ElasticNet",
            False,
        ),
        (
            "KNeighborsRegressor",
            "diabetes",
            neighbors.KNeighborsRegressor,
            skn.KNeighborsRegressor,
            "sklearn KNeighborsRegressor",
            False,
        ),
        (
            "LogisticRegression (binary)",
            "breast cancer",
            logistic.LogisticRegression,
            sk_logistic("breast cancer"),
            "sklearn LogisticRegression",
            True,
        ),
        (
            "LogisticRegression (softmax)",
            "digits",
            logistic.LogisticRegression,
            sk_logistic("digits"),
            "sklearn LogisticRegression",
            True,
        ),
        (
            "KNeighborsClassifier",
            "digits",
            neighbors.KNeighborsClassifier,
            skn.KNeighborsClassifier,
            "sklearn KNeighborsClassifier",
            False,
        ),
        (
            "GaussianNB",
            "wine",
            naive_bayes.GaussianNB,
            sknb.GaussianNB,
            "sklearn GaussianNB",
            False,
        ),
        (
            "MultinomialNB",
            "digits",
            naive_bayes.MultinomialNB,
            sknb.MultinomialNB,
            "sklearn MultinomialNB",
            False,
        ),
        (
            "DecisionTreeClassifier",
            "breast cancer",
            tree.DecisionTreeClassifier,
            lambda: skt.DecisionTreeClassifier(random_state=0),
            "sklearn DecisionTreeClassifier",
            False,
        ),
        (
            "RandomForestClassifier",
            "digits",
            lambda: ensemble.RandomForestClassifier(n_trees, random_state=0),
            lambda: ske.RandomForestClassifier(n_trees, random_state=0),
            "sklearn RandomForestClassifier",
            False,
        ),
        (
            "GradientBoostingClassifier",
            "breast cancer",
            lambda: ensemble.GradientBoostingClassifier(n_boost, random_state=0),
            lambda: ske.GradientBoostingClassifier(n_estimators=n_boost, random_state=0),
            "sklearn GradientBoostingClassifier",
            False,
        ),
        (
            "LinearSVC",
            "breast cancer",
            lambda: svm.LinearSVC(random_state=0),
            lambda: sks.LinearSVC(random_state=0),
            "sklearn LinearSVC",
            True,
        ),
        ("SVC (rbf)", "breast cancer", svm.SVC, sks.SVC, "sklearn SVC", True),
        ("SVC (rbf, 3 classes)", "wine", svm.SVC, sks.SVC, "sklearn SVC", True),
        (
            "KMeans (k=10, inertia)",
            "digits",
            lambda: cluster.KMeans(10, n_init=1 if quick else 5, random_state=0),
            lambda: skc.KMeans(10, n_init=1 if quick else 5, random_state=0),
            "sklearn KMeans",
            False,
        ),
        (
            "PCA (10 components, explained variance)",
            "digits",
            lambda: decomposition.PCA(10),
            lambda: skd.PCA(10, svd_solver="full"),
            "sklearn PCA",
            False,
        ),
    ]


def _quality(label: str, model: Any, Xte, yte) -> tuple[float, str, str]:
    """(value, unit, better) of a fitted model on the test split."""
    if label.startswith("KMeans"):
        return float(model.inertia_), "inertia", "lower"
    if label.startswith("PCA"):
        return float(model.explained_variance_ratio_.sum()), "variance ratio", "higher"
    score = float(model.score(Xte, yte))
    is_reg = label in {"LinearRegression", "Ridge", "Lasso", "ElasticNet", "KNeighborsRegressor"}
    return score, "R2" if is_reg else "acc", "higher"


def run(quick: bool = False) -> list[dict]:
    """Measure every pair; two rows (fit time, quality) per estimator."""
    import warnings

    from threadpoolctl import threadpool_limits

    repeats = 3 if quick else 5
    data = _datasets()
    n_train = {name: len(parts[0]) for name, parts in data.items()}
    rows: list[dict] = []
    for label, dataset, ours, theirs, ref_name, scaled in _pairs(quick, n_train):
        Xtr, Xte, ytr, yte, Str, Ste = data[dataset]
        if scaled:
            Xtr, Xte = Str, Ste
        unsupervised = label.startswith(("KMeans", "PCA"))
        y_fit = None if unsupervised else ytr
        with warnings.catch_warnings(), threadpool_limits(limits=1):
            warnings.simplefilter("ignore")  # sklearn's convergence warnings at defaults
            least = 0.0 if quick else 0.25
            t_ours, m_ours, n_ours = _median_fit(ours, Xtr, y_fit, repeats, not quick, least)
            t_ref, m_ref, n_ref = _median_fit(theirs, Xtr, y_fit, repeats, not quick, least)
        note = f"{dataset}, {len(Xtr)} train / {len(Xte)} test rows, {Xtr.shape[1]} features"
        if scaled:
            note += ", standardised"
        if label.startswith("LogisticRegression"):
            note += ", sklearn tol matched to ours (1e-8 on our scale)"
        note += ", BLAS 1 thread"
        rows.append(
            {
                "benchmark": f"{label}: fit time",
                "ours": t_ours,
                "reference": t_ref,
                "reference_name": ref_name,
                "unit": "s",
                "better": "lower",
                "note": note + f", median of {n_ours} / {n_ref} fits",
            }
        )
        q_ours, unit, better = _quality(label, m_ours, Xte, yte)
        q_ref, _, _ = _quality(label, m_ref, Xte, yte)
        rows.append(
            {
                "benchmark": f"{label}: quality",
                "ours": q_ours,
                "reference": q_ref,
                "reference_name": ref_name,
                "unit": unit,
                "better": better,
                "note": note + (", test split" if unit in ("acc", "R2") else ", train"),
            }
        )
    return rows


if __name__ == "__main__":
    for row in run(quick=False):
        ratio = row["ours"] / row["reference"] if row["reference"] else float("nan")
        print(
            f"{row['benchmark']:<55} ours {row['ours']:>10.4g}  ref {row['reference']:>10.4g}"
            f"  ratio {ratio:6.2f}  ({row['unit']})"
        )
