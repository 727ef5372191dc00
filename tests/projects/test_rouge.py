"""Our ROUGE against Google's rouge-score on SciTLDR and DialogSum.

Scores are ratios of integer counts: exact equality is expected (tolerance 1e-12).
"""

from __future__ import annotations

import pytest

rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")

from ladder.data.summarization import load_dialogsum, load_scitldr  # noqa: E402
from ladder.projects.rouge import lcs_length, mean_rouge, rouge, rouge_tokenize  # noqa: E402

TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")


def _pairs():
    out = []
    for ex in load_scitldr("dev")[:40]:
        out.append((" ".join(ex.sentences[:2]), list(ex.references)))
        out.append(("\n".join(ex.sentences[-2:]), list(ex.references)))
    for ex in load_dialogsum("test")[:40]:
        out.append(("\n".join(ex.sentences[:3]), list(ex.references)))
    return out


@pytest.mark.parametrize("stem", [False, True])
def test_rouge_equals_rouge_score(stem):
    scorer = rouge_scorer.RougeScorer(list(TYPES), use_stemmer=stem)
    stemmer = None
    if stem:  # rouge-score stems with NLTK's Porter (its default, extended mode)
        from nltk.stem.porter import PorterStemmer

        stemmer = PorterStemmer().stem
    for cand, refs in _pairs():
        ours = rouge(cand, refs, TYPES, stemmer)
        theirs = scorer.score_multi(refs, cand)
        for t in TYPES:
            for f in ("precision", "recall", "fmeasure"):
                assert getattr(ours[t], f) == pytest.approx(getattr(theirs[t], f), abs=1e-12)


def test_single_reference_and_edge_cases():
    scorer = rouge_scorer.RougeScorer(list(TYPES))
    for cand, ref in (("", "a b"), ("a b", ""), ("!!!", "a"), ("the cat", "the cat")):
        ours = rouge(cand, ref, TYPES)
        theirs = scorer.score(ref, cand)
        for t in TYPES:
            assert ours[t].fmeasure == pytest.approx(theirs[t].fmeasure, abs=1e-12)


def test_lcs_and_tokens():
    assert lcs_length("a b c d e".split(), "a c e".split()) == 3
    assert lcs_length("a b".split(), "b a".split()) == 1
    assert rouge_tokenize("The cat's 2 HATS!") == ["the", "cat", "s", "2", "hats"]


def test_mean_and_bad_input():
    m = mean_rouge(["a b", "c d"], ["a b", "x y"], ("rouge1",))
    assert m["rouge1"] == pytest.approx(50.0)
    with pytest.raises(ValueError, match="reference entries"):
        mean_rouge(["a"], [], ("rouge1",))
    with pytest.raises(ValueError, match="unknown ROUGE types"):
        rouge("a", "a", ("rouge9x",))
