"""Every number the linear-regression lesson states, reproduced by our code (and the lab)."""

from __future__ import annotations

import json
import re

import pytest
from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split

from ladder.curriculum import load_curriculum
from ladder.ml.linear import LinearRegression
from ladder.study.labs import run_lab

X, Y = load_diabetes(return_X_y=True)
LESSON = load_curriculum().lessons["ml.linear-regression"].body


def _stated(pattern: str) -> float:
    m = re.search(pattern, LESSON)
    assert m, f"the lesson no longer states {pattern!r}"
    return float(m.group(1))


def test_sizes():
    assert X.shape == (442, 10)
    assert "442 patients, 10 standardised features" in LESSON


def test_full_data_r2():
    assert LinearRegression().fit(X, Y).score(X, Y) == pytest.approx(
        _stated(r"explains \$R\^2 = ([\d.]+)\$"), abs=5e-4
    )


def test_bmi_alone():
    bmi = LinearRegression().fit(X[:, [2]], Y)
    assert bmi.coef_[0] == pytest.approx(_stated(r"slope of ([\d.]+)"), abs=0.05)
    assert bmi.score(X[:, [2]], Y) == pytest.approx(
        _stated(r"slope of [\d.]+ and\s+\$R\^2 = ([\d.]+)\$"), abs=5e-4
    )


def test_split_r2():
    X_tr, X_te, y_tr, y_te = train_test_split(X, Y, test_size=0.2, random_state=0)
    model = LinearRegression().fit(X_tr, y_tr)
    assert model.score(X_tr, y_tr) == pytest.approx(
        _stated(r"training \$R\^2\$ is ([\d.]+)"), abs=5e-4
    )
    assert model.score(X_te, y_te) == pytest.approx(
        _stated(r"test\s+\$R\^2\$ only ([\d.]+)"), abs=5e-4
    )


def test_the_lab_reproduces_them(tmp_path):
    lab = load_curriculum().labs["ml.linear-regression-diabetes"]
    result = run_lab(lab, tmp_path, quick=True)
    assert result.status == "done", result.error
    saved = json.loads((result.out_dir / "metrics.json").read_text())
    m = saved["metrics"]
    assert m["full_data_r2"] == pytest.approx(0.518, abs=5e-4)
    assert m["bmi_slope"] == pytest.approx(949.4, abs=0.05)
    assert m["test_r2"] == pytest.approx(0.332, abs=5e-4)
    assert all(m[f"{s}_max_coef_diff"] < 1e-6 for s in ("normal", "qr", "svd"))
    assert (result.out_dir / "diabetes.png").stat().st_size > 10_000
    assert saved["tables"][0]["columns"][0] == "library"


def test_gaussian_likelihood_numbers():
    import statsmodels.api as sm

    from ladder.ml.linear import gaussian_log_likelihood

    model = LinearRegression().fit(X, Y)
    pred = model.predict(X)
    ss_res = float(((Y - pred) ** 2).sum())
    m = re.search(r"\$SS_\{res\}/n\$ = ([\d,.]+) and", LESSON)
    assert m and float(m.group(1).replace(",", "")) == pytest.approx(ss_res / len(Y), abs=0.05)
    llf = gaussian_log_likelihood(Y, pred)
    assert llf == pytest.approx(_stated(r"log-likelihood is \$(-[\d.]+)\$"), abs=0.05)
    assert llf == pytest.approx(sm.OLS(Y, sm.add_constant(X)).fit().llf, rel=1e-10)
