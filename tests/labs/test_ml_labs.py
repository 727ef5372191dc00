"""Every stage-1 lab (beyond the pilot) runs in quick mode and reports sane metrics.

Each lab goes through ``ladder.study.labs.run_lab``, exactly as ``ladder run`` does, and
the test reads back ``metrics.json``. The parity checks here are the labs' own
comparisons with the reference libraries on the same data; the thresholds are the
parity tolerances of ``tests/ml`` or, for randomised models, a stated margin.
"""

from __future__ import annotations

import json

import pytest

from ladder.curriculum import load_curriculum
from ladder.study.labs import run_lab

LABS = load_curriculum().labs


def run(lab_id: str, tmp_path):
    result = run_lab(LABS[lab_id], tmp_path, quick=True)
    assert result.status == "done", result.error
    saved = json.loads((result.out_dir / "metrics.json").read_text())
    for figure in saved["figures"]:
        assert (result.out_dir / figure).stat().st_size > 10_000, figure
    assert saved["figures"] and saved["tables"]
    return saved["metrics"], saved["tables"]


def test_gradient_descent(tmp_path):
    m, tables = run("ml.gradient-descent", tmp_path)
    # The optimisation lesson's table (tests/curriculum/test_ml_numbers.py recomputes it).
    assert (m["gd_iterations"], m["momentum_iterations"], m["adam_iterations"]) == (6426, 479, 1856)
    assert (m["cg_iterations"], m["bfgs_iterations"], m["newton_iterations"]) == (104, 22, 1)
    assert m["scipy_bfgs_iterations"] == 22
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
    assert m["r2"] == pytest.approx(0.518, abs=5e-4)
    assert m["bp_lm"] == pytest.approx(26.1, abs=0.05)


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
    assert m["evr_two"] == pytest.approx(0.285, abs=5e-4)
    assert (m["n_components_90"], m["n_components_95"]) == (21, 29)
    assert m["pca_min_abs_cos"] > 1 - 1e-9  # the same axes up to sign
    # k-means from one k-means++ start: a local optimum within 2% of scikit-learn's inertia.
    assert 0.98 < m["kmeans_pixels_inertia_ratio"] < 1.02
    assert m["kmeans_pixels_purity"] > 0.65


def test_bandits_gridworld(tmp_path):
    m, tables = run("ml.bandits-gridworld", tmp_path)
    assert m["eps_greedy_regret_5000"] == pytest.approx(179.2, abs=0.05)
    assert m["ucb1_regret_5000"] == pytest.approx(121.0, abs=0.05)
    assert m["thompson_regret_5000"] == pytest.approx(19.6, abs=0.05)
    assert m["ucb1_mean_regret"] < m["ucb1_bound"]
    assert m["thompson_mean_regret"] < m["eps_greedy_mean_regret"]
    assert m["v_start"] == pytest.approx(0.523, abs=5e-4)
    assert m["q_learning_optimal_share"] == 1.0
