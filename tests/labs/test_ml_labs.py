"""Every stage-1 lab (beyond the pilot) runs in quick mode and reports sane metrics.

Each lab goes through ``ladder.study.labs.run_lab``, exactly as ``ladder run`` does, and
the test reads back ``metrics.json``. The parity checks here are the labs' own
comparisons with the reference libraries on the same data; the thresholds are the
parity tolerances of ``tests/ml`` or, for randomised models, a stated margin.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from ladder.curriculum import load_curriculum
from ladder.study.bands import assert_in_band
from ladder.study.labs import run_lab

LABS = load_curriculum().labs


def run(lab_id: str, tmp_path):
    result = run_lab(LABS[lab_id], tmp_path, quick=True)
    assert result.status == "done", result.error
    saved = json.loads((result.out_dir / "metrics.json").read_text())
    for figure in saved["figures"]:
        assert (result.out_dir / figure).stat().st_size > 10_000, figure
    assert saved["figures"] and saved["tables"]
    # The figures the lab declares for a quick run (labs.toml bands) hold on this real run.
    assert_in_band(LABS[lab_id], saved["metrics"], quick=True)
    return saved["metrics"], saved["tables"]


def test_gradient_descent(tmp_path):
    m, tables = run("ml.gradient-descent", tmp_path)
    # The iteration counts the lesson states are recomputed from the lesson text in
    # tests/curriculum/test_ml_numbers.py; here BFGS must take as many steps as SciPy's
    # BFGS on the same objective and start.
    assert m["bfgs_iterations"] == m["scipy_bfgs_iterations"]
    # Stopping at ||grad|| < 1e-6 with the Hessian's smallest eigenvalue 0.017 bounds the
    # distance to the closed form by 1e-6 / 0.017 < 1e-4.
    for key in ("gd", "momentum", "adam", "cg", "bfgs", "newton"):
        assert m[f"{key}_max_coef_diff"] < 1e-4, key
    assert tables[0]["rows"][0][0].startswith("scikit-learn")


def test_regression_inference(tmp_path):
    m, tables = run("ml.regression-inference", tmp_path)
    # Same formulas as statsmodels on the same data: agreement to rounding.
    assert m["max_param_rel_diff"] < 1e-10 and m["max_bse_rel_diff"] < 1e-10
    for _, ours, ref in tables[1]["rows"]:
        assert ours == pytest.approx(ref, rel=1e-8, abs=1e-12)
    # The headline figures against statsmodels on the same design (all 442 patients).
    import statsmodels.api as sm
    from sklearn.datasets import load_diabetes
    from statsmodels.stats.diagnostic import het_breuschpagan

    X, y = load_diabetes(return_X_y=True)
    A = sm.add_constant(X)
    ref = sm.OLS(y, A).fit()
    assert m["r2"] == pytest.approx(ref.rsquared, rel=1e-10)
    assert m["bp_lm"] == pytest.approx(het_breuschpagan(ref.resid, A)[0], rel=1e-8)


def test_classifier_zoo(tmp_path):
    m, tables = run("ml.classifier-zoo", tmp_path)
    assert [t["title"].split(":")[0] for t in tables] == ["digits", "wine", "breast cancer"]
    for data in ("digits", "wine", "breast_cancer"):
        # Deterministic models reach the same optimum as scikit-learn on the same split,
        # so they classify the same test samples: the accuracies are equal.
        for name in (
            "logistic_regression",
            "5_nearest_neighbours",
            "Gaussian_naive_Bayes",
            "multinomial_naive_Bayes",
            "RBF_SVM",
            "linear_SVM",
        ):
            assert m[f"{data}_{name}_acc"] == m[f"{data}_{name}_acc_sklearn"], (data, name)
        # Randomised ensembles (10 trees in quick mode, different random streams) and
        # trees with tied splits: within 0.1 on at most 75 test samples.
        for name in ("decision_tree", "random_forest", "gradient_boosting"):
            assert abs(m[f"{data}_{name}_acc"] - m[f"{data}_{name}_acc_sklearn"]) <= 0.1, (
                data,
                name,
            )


def test_decision_boundaries(tmp_path):
    m, tables = run("ml.decision-boundaries", tmp_path)
    assert sorted({row[0] for row in tables[0]["rows"]}) == [2, 3, 4]
    for n_classes in (2, 3, 4):
        # Deterministic models draw the same regions as scikit-learn (the boundary
        # cells may differ where the two are within rounding of a tie).
        for name in ("logistic", "15-NN", "Gaussian_NB", "tree", "RBF_SVM"):
            assert m[f"{n_classes}_classes_{name}_agreement"] > 0.99, (n_classes, name)
        assert m[f"{n_classes}_classes_forest_agreement"] > 0.85


def test_kmeans_pca(tmp_path):
    m, tables = run("ml.kmeans-pca", tmp_path)
    from sklearn.datasets import load_digits
    from sklearn.decomposition import PCA

    cum = np.cumsum(PCA().fit(load_digits().data).explained_variance_ratio_)
    assert m["evr_two"] == pytest.approx(cum[1], rel=1e-10)
    assert m["n_components_90"] == int(np.searchsorted(cum, 0.9) + 1)
    assert m["n_components_95"] == int(np.searchsorted(cum, 0.95) + 1)
    assert m["pca_min_abs_cos"] > 1 - 1e-9  # the same axes up to sign
    # k-means from one k-means++ start: a local optimum within 2% of scikit-learn's inertia.
    assert 0.98 < m["kmeans_pixels_inertia_ratio"] < 1.02
    assert m["kmeans_pixels_purity"] > 0.65


def test_bandits_gridworld(tmp_path):
    m, tables = run("ml.bandits-gridworld", tmp_path)
    # The regrets the lesson states are recomputed from its text in
    # tests/curriculum/test_ml_numbers.py; here, the orderings theory predicts.
    assert m["ucb1_mean_regret"] < m["ucb1_bound"]
    assert m["thompson_mean_regret"] < m["eps_greedy_mean_regret"]
    # The lesson's stated value of the start state (recomputed in test_ml_numbers.py too).
    import re

    from ladder.curriculum import load_curriculum

    body = load_curriculum().lessons["ml.reinforcement"].body
    stated = float(re.search(r"start state the value (\d+\.\d+)", body).group(1))
    assert m["v_start"] == pytest.approx(stated, abs=5e-4)
    assert m["q_learning_optimal_share"] == 1.0
