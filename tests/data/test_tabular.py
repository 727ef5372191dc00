"""The portfolio loaders against the real files, and the synthetic generator's bias knob."""

from __future__ import annotations

import numpy as np
import pytest

from ladder.data.synthetic import fairness_dataset, make_biased_classification
from ladder.data.tabular import load_medical_examination, load_social_network_ads


def test_medical_examination_counts(shared_data):
    raw = load_medical_examination(clean=False)
    # 70,000 rows less the 11 with the undocumented gender code 3 (shared/data README)
    assert len(raw) == 69_989 and raw.X.shape == (69_989, 10)
    assert dict(zip(*np.unique(raw.group, return_counts=True), strict=True)) == {
        "men": 24_467,
        "women": 45_522,
    }
    # code 2 is the taller group: the men of the source's documentation
    assert raw.X[raw.group == "men", 1].mean() > raw.X[raw.group == "women", 1].mean() + 8
    assert 29 < raw.X[:, 0].min() and raw.X[:, 0].max() < 66  # age in years
    clean = load_medical_examination()
    assert len(clean) == 68_613
    assert (clean.X[:, 4] <= clean.X[:, 3]).all() and clean.X[:, 3].max() <= 250
    assert set(np.unique(clean.y)) == {0, 1}


def test_social_network_ads(shared_data):
    d = load_social_network_ads()
    assert len(d) == 400 and d.X.shape == (400, 2)
    assert dict(zip(*np.unique(d.group, return_counts=True), strict=True)) == {
        "female": 204,
        "male": 196,
    }


@pytest.mark.parametrize("bias", [0.0, 0.3, 0.6])
def test_synthetic_bias_knob(bias):
    d = make_biased_classification(40_000, bias=bias, random_state=2)
    ra, rb = (d.y[d.group == g].mean() for g in ("a", "b"))
    # positives of b are kept with probability 1 - bias: rate_b ≈ (1 - bias)·rate_a;
    # with 12,000 b-rows the standard error of rate_b is under 0.005
    assert rb == pytest.approx((1 - bias) * ra, abs=0.02)
    assert 0.25 < np.mean(d.group == "b") < 0.35
    assert d.feature_names[-1] == "proxy"


def test_fallback_to_synthetic_when_the_files_are_missing(monkeypatch, tmp_path):
    monkeypatch.setenv("LADDER_DATA_PATH", str(tmp_path))
    monkeypatch.setenv("LADDER_HOME", str(tmp_path / "home"))
    d = fairness_dataset("medical")
    assert d.source.startswith("synthetic")
    from ladder.data import DatasetUnavailable

    with pytest.raises(DatasetUnavailable):
        fairness_dataset("medical", fallback=False)


def test_bad_arguments():
    with pytest.raises(ValueError, match=r"bias must be a probability in \[0, 1\]"):
        make_biased_classification(100, bias=1.5)
    with pytest.raises(ValueError, match="group_ratio must be in"):
        make_biased_classification(100, group_ratio=0.0)
    with pytest.raises(ValueError, match="unknown fairness data set 'adult'"):
        fairness_dataset("adult")
