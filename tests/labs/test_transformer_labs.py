"""Every stage-5 lab runs in quick mode and reports sane metrics.

Each lab goes through ``ladder.study.labs.run_lab``, exactly as ``ladder run`` does, and
the test reads back ``metrics.json``. The parity thresholds are the ones of
``tests/transformer``: float32 models with the same weights agree to about 1e-5.
"""

from __future__ import annotations

import json
import math

import pytest

pytest.importorskip("torch")

from ladder.curriculum import load_curriculum  # noqa: E402
from ladder.study.bands import assert_in_band  # noqa: E402
from ladder.study.labs import run_lab  # noqa: E402

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
    return saved["metrics"], saved["tables"], result.out_dir


def test_attention_maps(tmp_path):
    m, tables, _ = run("transformer.attention-maps", tmp_path)
    assert (m["n_layers"], m["n_heads"], m["hidden_size"]) == (6, 12, 384)
    # the same real weights through our BERT and Hugging Face's: float32 rounding only
    assert m["max_attention_diff_vs_hf"] < 1e-5
    assert m["max_hidden_diff_vs_hf"] < 1e-4
    for layer in range(1, 7):  # each row is a distribution over 16 tokens: 0 < H ≤ ln 16
        assert 0 < m[f"layer{layer}_mean_entropy"] <= math.log(m["n_tokens"])


def test_gpt_shakespeare(tmp_path):
    from ladder.transformer.shakespeare import generate_from_checkpoint

    m, tables, out_dir = run("transformer.gpt-shakespeare", tmp_path)
    # starts at about ln 65 (uniform guessing) and learns something in 40 steps
    assert abs(m["initial_val_loss"] - math.log(65)) < 0.1
    assert m["val_loss"] < m["initial_val_loss"] - 0.2
    # HF GPT2LMHeadModel's initial weights copied into ours: same logits (float32)
    assert m["max_logit_diff_vs_hf"] < 1e-5
    assert m["ours_step_ms"] > 0 and m["hf_step_ms"] > 0
    assert [row[0] for row in tables[0]["rows"]] == [0, 20, 40]  # samples at checkpoints
    text = generate_from_checkpoint(out_dir / "ckpt.pt", "ROMEO:", max_new_tokens=20)
    assert text.startswith("ROMEO:") and len(text) == 26


def test_semantic_search(tmp_path):
    m, tables, _ = run("transformer.semantic-search", tmp_path)
    # the parity: our BERT with MiniLM weights equals sentence-transformers to 1e-5
    assert m["max_embedding_diff"] < 1e-5
    assert m["top5_agreement"] == 1.0
    assert m["ours_sentences_per_s"] > 0 and m["st_sentences_per_s"] > 0
    assert m["loo_1nn_sentiment_accuracy"] > 0.5  # better than a coin on SST-2


def test_mlm_demo(tmp_path):
    m, tables, _ = run("transformer.mlm-demo", tmp_path)
    # 60 steps of a one-layer model learn at least the word frequencies: well below the
    # ln V of guessing, and as good as always answering the most frequent word
    assert m["dev_loss"] < math.log(m["vocab_size"]) - 1
    assert m["dev_top1_accuracy"] >= m["most_frequent_word_accuracy"] - 0.01
    assert m["dev_top5_accuracy"] >= m["dev_top1_accuracy"]
    assert len(tables[1]["rows"]) == 4
