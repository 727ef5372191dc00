"""Stage 6 (part B) labs run in quick mode and report sane metrics.

Each lab goes through ``ladder.study.labs.run_lab`` as ``ladder run`` does; the test reads
``metrics.json`` back. Quick mode trains a few steps only, so the assertions check the
plumbing and the parity numbers, not accuracies.
"""

from __future__ import annotations

import math

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from ladder.curriculum import load_curriculum  # noqa: E402
from tests.labs.helpers import run_quick

LABS = load_curriculum().labs


def run(lab_id: str, tmp_path):
    return run_quick(lab_id, tmp_path)[:2]


@pytest.mark.slow  # loads MiniLM three times and embeds SST-2 and tweets: minutes on 2 cores
def test_lora_vs_full_sst2(tmp_path):
    m, tables = run("llm.lora-vs-full-sst2", tmp_path)
    # our logistic regression and scikit-learn's minimise the same objective on the same
    # float64 features: same predictions, coefficients equal to solver tolerance
    assert m["frozen_dev_accuracy"] == m["frozen_dev_accuracy_sklearn"]
    assert m["frozen_coef_diff_vs_sklearn"] < 1e-4
    assert m["full_trainable_share"] == 1.0
    # rank-8 adapters on q, k, v, out of 6 layers (width 384) + a 2-class head
    assert m["lora_trainable_params"] == 6 * 4 * 8 * (384 + 384) + 384 * 2 + 2
    assert m["lora_trainable_share"] < 0.01
    for name in ("full", "lora"):
        assert 0.0 <= m[f"{name}_dev_accuracy"] <= 1.0 and m[f"{name}_steps"] == 2
        assert m[f"{name}_minutes"] > 0 and m[f"{name}_wall_minutes"] > 0
    assert 0.0 <= m["tweets_frozen_accuracy"] <= 1.0
    assert [row[0] for row in tables[0]["rows"]][2:] == [
        "full fine-tuning",
        "LoRA r=8 (q, k, v, out) + head",
    ]


def test_instruct_dpo(tmp_path):
    m, tables = run("llm.instruct-dpo", tmp_path)
    for stage in ("before", "after_sft", "after_dpo"):
        assert 0.0 <= m[f"exact_match_{stage}"] <= 1.0
    assert m["exact_match_before"] == 0.0  # a few steps of pre-training answer nothing
    assert math.isfinite(m["pretrain_loss"])
    assert tables[0]["rows"][-1][0] == "all" and len(tables[0]["rows"]) == 10


def test_stdlib_code_model(tmp_path):
    m, tables = run("llm.stdlib-code-model", tmp_path)
    vocab = 6 + 97  # the character tokenizer: 6 special tokens and 97 printable characters
    for a in ("code", "prose"):
        for b in ("code", "prose"):
            # three steps barely move from uniform guessing over the vocabulary
            assert 1.0 < m[f"ppl_{a}_model_on_{b}"] < 3 * vocab
    assert len(tables[0]["rows"]) == 2


def test_vit_clip_mnist(tmp_path):
    m, tables = run("llm.vit-clip-mnist", tmp_path)
    # HF ViTModel's weights in our ViT: float32, 4 layers of 64-wide sums
    assert m["vit_max_diff_vs_hf"] < 1e-4
    for k in ("vit_test_accuracy", "clip_zero_shot_accuracy", "caption_digit_accuracy"):
        assert 0.0 <= m[k] <= 1.0
    assert 1.0 < m["clip_temperature"] < 100.0
