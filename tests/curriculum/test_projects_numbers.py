"""Every number the stage-8 lessons state, recomputed by our code and, where one exists,
by the reference library (sacreBLEU, rouge-score, rank-bm25).

Each test finds the number in the lesson text, so editing either side alone fails here.
Tolerances are half a unit of the last digit the lesson prints.
"""

from __future__ import annotations

import math

import pytest

from tests.curriculum.numbers import flat, stated


def test_rrf_first_and_second():
    from ladder.projects.retrieval import reciprocal_rank_fusion

    value = stated("projects.tutor", r"scores \$1/61 \+ 1/62 = (0\.\d+)\$")
    fused = dict(reciprocal_rank_fusion([["p", "x"], ["y", "p"]]))
    assert fused["p"] == pytest.approx(value, abs=0.5e-5)


def test_bm25_constants_match_rank_bm25():
    rank_bm25 = pytest.importorskip("rank_bm25")
    import inspect

    k1 = stated("projects.tutor", r"\$k_1 = (\d\.\d+)\$")
    b = stated("projects.tutor", r"\$b = (0\.\d+)\$")
    defaults = inspect.signature(rank_bm25.BM25Okapi).parameters
    assert (defaults["k1"].default, defaults["b"].default) == (k1, b)


def test_beam_example():
    import torch

    from ladder.projects.beam import beam_step

    text = flat("projects.translation")
    assert "candidates are $0.30, 0.20, 0.05, 0.45$" in text
    lp = torch.log(torch.tensor([[0.6, 0.4], [0.1, 0.9]], dtype=torch.float64))
    s, parent, token = beam_step(lp, torch.log(torch.tensor([0.5, 0.5], dtype=torch.float64)), 4)
    # all four candidates, best first: (1,1) 0.45, (0,0) 0.30, (0,1) 0.20, (1,0) 0.05
    assert torch.exp(s).tolist() == pytest.approx([0.45, 0.30, 0.20, 0.05])
    assert list(zip(parent.tolist(), token.tolist(), strict=True))[:2] == [(1, 1), (0, 0)]
    assert stated("projects.translation", r"keeps \$\(1, 1\)\$ at (0\.\d+)") == pytest.approx(0.45)


def test_bleu_pieces_and_sacrebleu():
    sacrebleu = pytest.importorskip("sacrebleu")
    from ladder.projects.bleu import brevity_penalty, modified_precision

    assert "has $p_1 = 1/4$" in flat("projects.translation")
    assert modified_precision("the the the the".split(), ["the cat".split()], 1) == (1, 4)
    bp = stated("projects.translation", r"\$e\^\{-0\.25\} = (0\.\d+)\$")
    assert brevity_penalty(8, 10) == pytest.approx(bp, abs=0.5e-4)
    # sacreBLEU's brevity penalty for an 8-token output against a 10-token reference
    assert sacrebleu.corpus_bleu(
        ["a b c d e f g h"], [["a b c d e f g h i j"]]
    ).bp == pytest.approx(bp, abs=0.5e-4)
    assert "29,000 image captions" in flat("projects.translation")
    from ladder.data.multi30k import load_multi30k

    assert len(load_multi30k("train")[0]) == 29000


def test_translator_configuration_stated():
    from ladder.projects.translator import TranslatorConfig

    cfg = TranslatorConfig()
    text = flat("projects.translation")
    assert f"({cfg.vocab_size:,} subwords)" in text
    assert f"3 + 3 layers of width {cfg.d_model}" in text and cfg.n_layers == 3
    assert f"label smoothing {cfg.label_smoothing}" in text
    assert f"{cfg.cpu_minutes:g} CPU-minutes" in text


def test_lcs_and_rouge_example():
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    from ladder.projects.rouge import lcs_length, rouge

    lcs = stated("projects.summarization", r"LCS (\d+), so ROUGE-L")
    f = stated("projects.summarization", r"P = R = F = 4/6 = (0\.\d+)")
    r2 = stated("projects.summarization", r"ROUGE-2 is only 1/5 = (0\.\d+)")
    a, b = "the cat sat on the mat", "the cat lay on a mat"
    assert lcs_length(a.split(), b.split()) == lcs
    ours = rouge(b, a, ("rouge2", "rougeL"))
    theirs = rouge_scorer.RougeScorer(["rouge2", "rougeL"]).score(a, b)
    assert ours["rougeL"].fmeasure == pytest.approx(f, abs=0.5e-3) == theirs["rougeL"].fmeasure
    assert ours["rouge2"].fmeasure == pytest.approx(r2) == pytest.approx(theirs["rouge2"].fmeasure)
    import inspect

    from ladder.projects.textrank import textrank_scores

    d = stated("projects.summarization", r"\\qquad d = (0\.\d+),")
    assert inspect.signature(textrank_scores).parameters["damping"].default == d


def test_mmr_example():
    import numpy as np

    from ladder.projects.retrieval import mmr_select

    text = flat("projects.summarization")
    assert "relevances $(0.9, 0.88, 0.5)$" in text and "(similarity 0.99)" in text
    q = np.array([0.9, 0.88, 0.5])
    sim = np.array([[1.0, 0.99, 0.1], [0.99, 1.0, 0.1], [0.1, 0.1, 1.0]])
    lam = stated("projects.summarization", r"and \$\\lambda = (0\.\d+)\$, MMR takes")
    assert mmr_select(q, sim, 2, lam=lam) == [0, 2]  # "the first and then the third"


def test_confusion_example():
    from ladder.projects.error_analysis import confusion_pairs

    assert 'gives `[("neg", "neu", 2), ("neu", "neg", 2)]`' in flat("projects.sentiment")
    got = confusion_pairs(["pos", "neg", "neu", "neu", "neg"], ["pos", "neu", "neg", "neg", "neu"])
    assert got == [("neg", "neu", 2), ("neu", "neg", 2)]


def test_sentiment_model_settings():
    from ladder.projects.sentiment import TfidfSentiment

    text = flat("projects.sentiment")
    m = TfidfSentiment()
    assert f"{m.max_features:,} terms" in text and f"trained on {m.n_train:,} tweets" in text


def test_generation_context():
    from ladder.transformer.shakespeare import model_config

    assert f"{model_config().block_size}-character context" in flat("projects.generation")


def test_summarizer_settings():
    from ladder.data.summarization import load_dialogsum
    from ladder.projects.summarizer import SummarizerConfig

    text = flat("projects.summarization")
    assert f"({SummarizerConfig().max_source} word pieces)" in text
    assert "ships 500 training dialogues" in text and len(load_dialogsum("dev")) == 500
    assert SummarizerConfig().n_layers == 2 and "two-layer decoder" in text


def test_tutor_defaults():
    from ladder.projects.bm25 import BM25

    index = BM25([["a"]])
    assert (index.k1, index.b) == (1.5, 0.75)
    assert math.isclose(1 / 61 + 1 / 62, 0.032523, abs_tol=1e-6)


@pytest.mark.slow
def test_tutor_findings_stated_in_the_lesson():
    """The tutor lesson's findings, measured on the whole course with the real MiniLM:
    BM25 best at 1 and embeddings lowest, fusion close to BM25 at 3 (within 2 points either
    way), lesson votes lower recall@1; and the issue's aim, fused recall@3 >= 0.90."""
    pytest.importorskip("torch")
    from ladder.projects.tutor import evaluate

    text = flat("projects.tutor")
    assert "BM25 alone scores best at 1 and the embeddings alone score lowest" in text
    assert "The fusion stays close to BM25 at 3 (within two points" in text
    assert "lowered recall@1" in text
    r = evaluate().recall
    assert r["bm25"]["@1"] >= r["rrf"]["@1"] >= r["embedding"]["@1"]
    assert min(r["bm25"]["@3"], r["rrf"]["@3"]) >= r["embedding"]["@3"]
    assert abs(r["bm25"]["@3"] - r["rrf"]["@3"]) <= 0.02
    assert r["votes"]["@1"] < r["rrf"]["@1"]
    assert r["rrf"]["@3"] >= 0.90
