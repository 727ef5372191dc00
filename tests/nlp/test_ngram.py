"""N-gram LMs: identical scores (1e-12) to nltk.lm on the same vocabulary and n-grams."""

from __future__ import annotations

import pytest
from nltk import lm as nltk_lm
from nltk.lm.preprocessing import padded_everygram_pipeline

from ladder.nlp import ngram
from ladder.nlp.tokenize import simple_tokenize


@pytest.fixture(scope="module")
def split(shakespeare: str) -> tuple[list[list[str]], list[list[str]]]:
    lines = [simple_tokenize(l) for l in shakespeare.splitlines() if l.strip()]
    return lines[:2500], lines[30000:30150]  # train / held-out lines of Tiny Shakespeare


CASES = {
    "MLE-2": (lambda: ngram.MLE(2), lambda v: nltk_lm.MLE(2, vocabulary=v), 1),
    "Laplace-3": (lambda: ngram.Laplace(3), lambda v: nltk_lm.Laplace(3, vocabulary=v), 1),
    "Lidstone-3-cut2": (
        lambda: ngram.Lidstone(0.3, 3, unk_cutoff=2),
        lambda v: nltk_lm.Lidstone(0.3, 3, vocabulary=v),
        2,
    ),
    "KN-3": (
        lambda: ngram.KneserNeyInterpolated(3),
        lambda v: nltk_lm.KneserNeyInterpolated(3, vocabulary=v),
        1,
    ),
    "KN-4-d0.75-cut2": (
        lambda: ngram.KneserNeyInterpolated(4, discount=0.75, unk_cutoff=2),
        lambda v: nltk_lm.KneserNeyInterpolated(4, discount=0.75, vocabulary=v),
        2,
    ),
}


def _run_both(case: str, train, test):
    make_ours, make_ref, cutoff = CASES[case]
    ours = make_ours().fit(train)
    ref = make_ref(nltk_lm.Vocabulary(unk_cutoff=cutoff))
    ref.fit(*padded_everygram_pipeline(ref.order, train))
    return ours, ref, ours.ngrams_of(test)[:150]


@pytest.mark.parametrize("case", list(CASES))
def test_scores_and_perplexity_match_nltk(case: str, split) -> None:
    ours, ref, grams = _run_both(case, *split)
    assert len(ours.vocab_) == len(ref.vocab)
    # Same formulas, same operation order, float64: 1e-12 absolute (they agree exactly).
    for g in grams:
        for ctx in (g[:-1], ()):  # full context and the unigram level
            assert abs(ours.score(g[-1], ctx) - ref.score(g[-1], ctx)) <= 1e-12, (g, ctx)
    po, pr = ours.perplexity(grams), ref.perplexity(grams)
    assert po == pr or abs(po - pr) <= 1e-12 * pr
    assert ours.count(g[-2:]) == ref.counts[list(g[-2:-1])][g[-1]]


def test_kneser_ney_counts_and_sampling(split) -> None:
    lm = ngram.KneserNeyInterpolated(3).fit(split[0])
    # Continuation probabilities sum to one over the vocabulary.
    assert abs(sum(lm.score(w) for w in [*lm.vocab_.words, "<UNK>"]) - 1) < 1e-12
    a = lm.generate(12, context=["the"], random_state=3)
    assert a == lm.generate(12, context=["the"], random_state=3) and len(a) <= 12


def test_oov_and_bad_input(split) -> None:
    lm = ngram.Laplace(2).fit(split[0])
    assert lm.score("zyzzyva", ["the"]) == lm.score("<UNK>", ["the"]) > 0
    with pytest.raises(TypeError, match="tokenised sentences"):
        ngram.MLE(2).fit(["a whole string"])
    with pytest.raises(RuntimeError, match="not fitted"):
        ngram.MLE(2).score("a")
    with pytest.raises(ValueError, match="empty"):
        lm.perplexity([])
    with pytest.raises(ValueError):
        ngram.MLE(0)
