"""The stage-2 labs run in quick mode through ``run_lab`` and report sane metrics.

The parity checks are the labs' own comparisons with PyTorch and scikit-learn on the same
inputs; the tolerances are those of ``tests/autograd`` (float64: agreement to rounding).
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


def test_xor(tmp_path):
    m, tables = run("nn.xor", tmp_path)
    # AND is separable: converges (9 epochs, 18 mistakes, as the lesson's worked run).
    assert m["perceptron_and_converged"] and m["perceptron_and_accuracy"] == 1.0
    assert (m["perceptron_and_epochs"], m["perceptron_and_mistakes"]) == (9, 18)
    assert m["sklearn_and_accuracy"] == 1.0  # the same rule in scikit-learn
    # XOR is not: no convergence, and no line gets more than 3 of 4 points right.
    assert not m["perceptron_xor_converged"] and m["perceptron_xor_epochs"] == 100
    assert m["perceptron_xor_accuracy"] <= 0.75 and m["sklearn_xor_accuracy"] <= 0.75
    # The 2-4-1 network solves it; float64 from the same weights with the same Adam: the
    # loss curves agree to rounding (1e-10 leaves room for 200 steps of float64 sums).
    assert m["mlp_accuracy"] == 1.0 and m["mlp_final_loss"] < 0.05
    assert m["mlp_max_loss_gap_vs_torch"] < 1e-10


def test_activations(tmp_path):
    m, tables = run("nn.activations", tmp_path)
    for name in ("sigmoid", "tanh", "relu", "gelu", "gelu_tanh"):
        # float64, the same formulas: values and derivatives agree with torch to rounding.
        assert m[f"{name}_max_value_diff"] < 1e-12, name
        assert m[f"{name}_max_grad_diff"] < 1e-12, name
        assert m[f"{name}_gradcheck"], name
    assert m["sigmoid_grad_at_0"] == pytest.approx(0.25)
    # The saturation figures from their closed forms: σ'(4) = σ(4)(1 − σ(4)), tanh'(3) =
    # 1 − tanh²(3); GELU's minimum from torch on a fine grid (the lab's grid is coarser).
    import math

    import torch

    sig4 = 1 / (1 + math.exp(-4))
    assert m["sigmoid_grad_at_4"] == pytest.approx(sig4 * (1 - sig4), rel=1e-9)
    assert m["tanh_grad_at_3"] == pytest.approx(1 - math.tanh(3) ** 2, rel=1e-9)
    grid = torch.linspace(-3, 0, 300_001, dtype=torch.float64)
    assert m["gelu_min"] == pytest.approx(torch.nn.functional.gelu(grid).min().item(), abs=1e-3)
