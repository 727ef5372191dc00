"""Our BLEU against sacreBLEU on real Multi30k sentences: corpus and sentence level, 13a.

Both sides do the same integer counting; the score is exp of a mean of logs of ratios of
integers, so float64 results agree to about 1e-12 relative (tolerance 1e-9 on 0–100).
"""

from __future__ import annotations

import random

import pytest

sacrebleu = pytest.importorskip("sacrebleu")

from ladder.data.multi30k import load_multi30k  # noqa: E402
from ladder.projects.bleu import (  # noqa: E402
    brevity_penalty,
    closest_ref_length,
    corpus_bleu,
    modified_precision,
    sentence_bleu,
    tokenize_13a,
)

TOL = 1e-9


def _noisy(sentences: list[str], seed: int) -> list[str]:
    """Hypotheses of every quality: dropped, swapped and replaced words, empty lines."""
    rng = random.Random(seed)
    out = []
    for s in sentences:
        words = s.split()
        r = rng.random()
        if r < 0.05:
            out.append("")
        elif r < 0.3:
            out.append(" ".join(w for w in words if rng.random() > 0.4))
        elif r < 0.6:
            rng.shuffle(words)
            out.append(" ".join(words))
        else:
            out.append(" ".join(rng.choice(["der", "Mann", w]) for w in words))
    return out


@pytest.fixture(scope="module")
def data():
    en, de = load_multi30k("val")
    return de[:400], de[400:800]


def test_tokenize_13a_matches_sacrebleu():
    from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

    ref = Tokenizer13a()
    lines = [
        "Hello, world! It costs $3.50.",
        "A 3-year-old (boy) &amp; his dog's ball:",
        "x-ray 1,000.5 -- e.g. U.S.A.?",
        "Tab\tand -\nbreak <skipped> {curly}",
    ]
    en, de = load_multi30k("val")
    for line in lines + en[:300] + de[:300]:
        assert tokenize_13a(line) == ref(line), line


def test_corpus_bleu_equals_sacrebleu(data):
    refs, other = data
    for seed in range(3):
        hyps = _noisy(refs, seed)
        for streams in ([refs], [refs, other]):
            ours, theirs = corpus_bleu(hyps, streams), sacrebleu.corpus_bleu(hyps, streams)
            assert ours.score == pytest.approx(theirs.score, abs=TOL)
            assert ours.counts == list(theirs.counts) and ours.totals == list(theirs.totals)
            assert (ours.sys_len, ours.ref_len) == (theirs.sys_len, theirs.ref_len)
            assert ours.bp == pytest.approx(theirs.bp, abs=TOL)
            assert ours.precisions == pytest.approx(theirs.precisions, abs=TOL)


def test_sentence_bleu_equals_sacrebleu(data):
    refs, other = data
    hyps = _noisy(refs, 7)
    for h, r, o in zip(hyps[:300], refs, other, strict=False):
        for rs in ([r], [r, o]):
            assert sentence_bleu(h, rs).score == pytest.approx(
                sacrebleu.sentence_bleu(h, rs).score, abs=TOL
            ), (h, rs)


def test_short_and_empty_hypotheses():
    # smoothing and the zero brevity penalty of an empty corpus, as sacreBLEU
    for hyps, refs in ((["a"], ["a b c d"]), ([""], ["a b"]), (["a b"], ["a b"])):
        assert corpus_bleu(hyps, [refs]).score == pytest.approx(
            sacrebleu.corpus_bleu(hyps, [refs]).score, abs=TOL
        )


def test_pieces():
    assert modified_precision("the the the the".split(), ["the cat".split()], 1) == (1, 4)
    # clipping takes the maximum count over references, not the sum
    assert modified_precision("the the".split(), ["the cat".split(), "the the".split()], 1) == (
        2,
        2,
    )
    assert brevity_penalty(10, 8) == 1.0 and brevity_penalty(0, 5) == 0.0
    assert brevity_penalty(8, 10) == pytest.approx(0.7788007830714049)  # exp(1 − 10/8)
    assert closest_ref_length(7, [5, 9]) == 5  # a tie goes to the shorter reference


def test_bad_input():
    with pytest.raises(TypeError, match="list of reference streams"):
        corpus_bleu(["a"], ["a"])
    with pytest.raises(ValueError, match="one per hypothesis"):
        corpus_bleu(["a", "b"], [["a"]])
    with pytest.raises(TypeError, match="not one string"):
        corpus_bleu("a b", [["a b"]])
