"""The stage-3 labs run in quick mode through ``run_lab`` and report sane metrics.

The overfitting lab compares our plain run with the same MLP in PyTorch (same weights,
same batches); the MNIST lab trains every model on ``ladder.nn`` beside its PyTorch twin on
a subset. Quick runs are short, so thresholds are margins stated below, not the full-run
accuracies (those are the lesson's, checked in ``tests/curriculum/test_dl_numbers.py``).
"""

from __future__ import annotations

import json

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


def test_overfitting(tmp_path):
    m, tables = run("dl.overfitting", tmp_path)
    for key in ("plain", "dropout", "weight_decay", "augmentation", "early_stopping"):
        assert m[f"{key}_test_acc"] > 0.85, key
        assert m[f"{key}_min_val_loss"] <= m[f"{key}_final_val_loss"] + 1e-12, key
    # The plain run memorises its 300 images within 25 epochs.
    assert m["plain_train_acc"] == 1.0
    assert m["early_stopping_epochs"] <= 25
    # PyTorch from the same weights on the same batches: float32 training for 250 Adam
    # steps drifts by rounding only; 0.01 in accuracy is about 4 of the 450 test images.
    assert m["torch_plain_test_acc"] == pytest.approx(m["plain_test_acc"], abs=0.01)
    assert m["torch_plain_final_val_loss"] == pytest.approx(m["plain_final_val_loss"], rel=0.02)


def test_mnist(tmp_path):
    m, tables = run("dl.mnist", tmp_path)
    # One epoch on 3,000 images: well above chance for the MLP and the CNNs; the LSTM
    # learns slowest. Ours and the twin follow the same recipe from different initial
    # weights, so only a margin is stated (2,000 test images: 0.06 is 120 images).
    for name, floor in (("mlp", 0.8), ("lenet5", 0.6), ("cnn", 0.8), ("rnn", 0.25)):
        assert m[f"{name}_acc"] > floor, name
        assert abs(m[f"{name}_acc"] - m[f"{name}_torch_acc"]) < 0.06, name
    assert m["svm_acc"] > 0.8
    assert tables[0]["rows"][0][0] == "mlp"
