"""Every stage-8 lab runs in quick mode, through ``ladder.study.labs.run_lab`` as ``ladder
run`` does, and its metrics are checked against the reference libraries or the tools.

Quick runs train for seconds, so quality thresholds are "better than chance" ones; the
full runs' figures are in the lessons and reproduced by the slow tests.
"""

from __future__ import annotations

import math

import pytest

pytest.importorskip("torch")
pytest.importorskip("sacrebleu")
pytest.importorskip("rouge_score")

from ladder.curriculum import load_curriculum  # noqa: E402
from tests.labs.helpers import run_quick

LABS = load_curriculum().labs


def run(lab_id: str, runs_dir):
    return run_quick(lab_id, runs_dir)


def test_sentiment_lab(tmp_path):
    m, tables, _ = run("projects.evaluate-sentiment", tmp_path)
    # same features and objective as scikit-learn's pipeline: accuracies within 3 points
    assert abs(m["accuracy_ours_tweets"] - m["accuracy_sk_tweets"]) < 0.03
    assert abs(m["accuracy_ours_sst2_trained"] - m["accuracy_sk_sst2_trained"]) < 0.03
    assert m["accuracy_ours_tweets"] > 0.5  # three classes: chance is at most 0.43 here
    assert m["accuracy_ours_sst2_trained"] > 0.6
    assert m["texts_per_s"] > 0
    assert sum(map(sum, m["confusion"])) == 500


def test_tutor_lab(tmp_path):
    m, tables, _ = run("projects.build-tutor", tmp_path)
    assert m["n_queries"] > 30
    for method in ("bm25", "embedding", "rrf", "votes"):
        assert 0 <= m[f"recall1_{method}"] <= m[f"recall3_{method}"] <= 1
    assert m["recall3_rrf"] > 0.5  # 7 lessons: chance at 3 is 3/7
    assert m["intent_accuracy"] > 0.8
    assert m["latency_ms"] > 0


def test_translator_lab(tmp_path):
    from ladder.projects.translate import Translator

    m, tables, out_dir = run("projects.train-translator", tmp_path)
    # our BLEU is sacreBLEU's on the same outputs
    assert m["test_bleu_greedy"] == pytest.approx(m["test_bleu_greedy_sacrebleu"], abs=1e-9)
    assert m["test_bleu_beam4"] == pytest.approx(m["test_bleu_beam4_sacrebleu"], abs=1e-9)
    assert m["steps"] == 600 and m["cpu_minutes"] > 0  # quick runs have a step budget
    assert [p["step"] for p in m["val_bleu_curve"]] == sorted(
        p["step"] for p in m["val_bleu_curve"]
    )
    # the service finds the run in the runs folder and translates with it
    result = Translator.load(tmp_path).translate("A man is riding a bike.", beam_size=2)
    assert isinstance(result.translation, str) and result.direction == "en-de"


def test_summarizer_lab(tmp_path):
    from ladder.projects.summarize import summarize

    m, tables, out_dir = run("projects.train-summarizer", tmp_path)
    for data in ("dialogsum", "scitldr"):
        for method in ("lead", "textrank", "mmr", "oracle"):
            # our ROUGE equals rouge-score's on every method's outputs
            assert m[f"{data}_{method}_max_diff_vs_rouge_score"] < 1e-9
    # with one sentence (SciTLDR) the greedy oracle's first pick is the best single
    # sentence for ROUGE-1 + 2, so on every example no one-sentence method beats it
    best = max(
        m[f"scitldr_{x}_rouge1"] + m[f"scitldr_{x}_rouge2"] for x in ("lead", "textrank", "mmr")
    )
    assert m["scitldr_oracle_rouge1"] + m["scitldr_oracle_rouge2"] >= best - 1e-9
    assert math.isfinite(m["final_loss"])
    text = "#Person1#: Hi, are you coming tonight?\n#Person2#: Yes, I will bring the cake."
    assert isinstance(summarize(text, "abstractive", runs_dir=tmp_path).summary, str)
