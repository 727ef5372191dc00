"""The stage-6 labs of part A (Llama vs GPT, quantisation and speculative decoding, DDP)
run in quick mode through ``ladder.study.labs.run_lab`` and report sane metrics."""

from __future__ import annotations

import math

import pytest

pytest.importorskip("torch")

from ladder.curriculum import load_curriculum  # noqa: E402
from tests.labs.test_transformer_labs import run  # noqa: E402

LABS = load_curriculum().labs


def test_llama_vs_gpt(tmp_path):
    m, tables, _ = run("llm.llama-vs-gpt", tmp_path)
    # equal size within 1 % (the SwiGLU width absorbs the difference)
    assert abs(m["llama_params"] - m["gpt_params"]) / m["gpt_params"] < 0.01
    for arch in ("gpt", "llama"):  # both start near ln 65 and learn in 60 steps
        assert abs(m[f"{arch}_initial_val_loss"] - math.log(65)) < 0.15
        assert m[f"{arch}_val_loss"] < m[f"{arch}_initial_val_loss"] - 0.3
    assert len(tables[0]["rows"]) == 2


def test_quantisation_speculative(tmp_path):
    m, tables, _ = run("llm.quantisation-speculative", tmp_path)
    assert m["size_ratio_dynamic"] > 2.5  # float32 → int8 linear layers
    # quantising costs little quality: the loss moves by less than 0.05 nats
    for key in ("weight_only", "dynamic", "static", "torch_dynamic"):
        assert abs(m[f"{key}_val_loss"] - m["float32_val_loss"]) < 0.05, key
    assert m["weight_only_max_logit_diff"] > 0
    for gamma in (2, 4, 6):  # greedy speculative decoding reproduces greedy decoding
        assert m[f"identical_gamma{gamma}"] is True
        assert 0 <= m[f"acceptance_gamma{gamma}"] <= 1
    assert len(tables[1]["rows"]) == 5


@pytest.mark.slow
def test_ddp_torchrun(tmp_path):
    m, tables, _ = run("llm.ddp-torchrun", tmp_path)
    assert m["steps"] == 6
    assert m["max_loss_diff"] < 1e-5 and m["max_weight_diff"] < 1e-5
    assert m["last_loss"] < m["first_loss"]
