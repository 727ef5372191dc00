"""N-gram LMs: identical scores (1e-12) to nltk.lm on the same vocabulary and n-grams.

nltk.lm is fitted on our padding (n - 1 ``<s>``, one ``</s>``, SLP3's convention) through
its general interface, ``fit(everygrams per sentence, vocabulary text)``; its own
``padded_everygram_pipeline`` would pad with n - 1 ``</s>``.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk import lm as nltk_lm
from nltk.lm.models import InterpolatedLanguageModel
from nltk.lm.smoothing import Smoothing

from ladder.nlp import ngram
from ladder.nlp.tokenize import simple_tokenize


@pytest.fixture(scope="module")
def split(shakespeare: str) -> tuple[list[list[str]], list[list[str]]]:
    lines = [simple_tokenize(l) for l in shakespeare.splitlines() if l.strip()]
    return lines[:2500], lines[30000:30150]  # train / held-out lines of Tiny Shakespeare


# kind, order, unk_cutoff, extra parameter (Lidstone's gamma, Kneser–Ney's discount)
CASES = {
    "MLE-2": ("MLE", 2, 1, None),
    "Laplace-3": ("Laplace", 3, 1, None),
    "Lidstone-3-cut2": ("Lidstone", 3, 2, 0.3),
    "KN-3": ("KneserNeyInterpolated", 3, 1, None),
    "JM-3-cut2": ("JelinekMercerInterpolated", 3, 2, 0.7),
    "KN-4-d0.75-cut2": ("KneserNeyInterpolated", 4, 2, 0.75),
}


class _JelinekMercer(Smoothing):
    """Jelinek–Mercer on nltk's interpolation machinery (nltk has no class for it): the
    recursion, the unseen-context rule and the counting are nltk's; only the two
    estimates below are written here, from the definition."""

    def __init__(self, vocabulary, counter, lam):
        super().__init__(vocabulary, counter)
        self.lam = lam

    def alpha_gamma(self, word, context):
        return self.lam * self.counts[context].freq(word), 1 - self.lam

    def unigram_score(self, word):
        return self.lam * self.counts.unigrams.freq(word) + (1 - self.lam) / len(self.vocab)


def _fit_both(kind: str, order: int, cutoff: int, extra: float | None, train):
    """The same model, fitted on the same sentences, in ladder and in nltk.lm."""
    ref_vocab = nltk_lm.Vocabulary(unk_cutoff=cutoff)
    if kind == "Lidstone":
        ours = ngram.Lidstone(extra, order, unk_cutoff=cutoff)
        ref = nltk_lm.Lidstone(extra, order, vocabulary=ref_vocab)
    elif kind == "JelinekMercerInterpolated":
        ours = ngram.JelinekMercerInterpolated(extra, order, unk_cutoff=cutoff)
        ref = InterpolatedLanguageModel(
            _JelinekMercer, order, vocabulary=ref_vocab, params={"lam": extra}
        )
    elif kind == "KneserNeyInterpolated" and extra is not None:
        ours = ngram.KneserNeyInterpolated(order, discount=extra, unk_cutoff=cutoff)
        ref = nltk_lm.KneserNeyInterpolated(order, discount=extra, vocabulary=ref_vocab)
    else:
        ours = getattr(ngram, kind)(order, unk_cutoff=cutoff)
        ref = getattr(nltk_lm, kind)(order, vocabulary=ref_vocab)
    ours.fit(train)
    ref.fit(
        [ngram.padded_everygrams(s, order) for s in train],
        [w for s in train for w in ngram.pad_sentence(s, order)],
    )
    return ours, ref


def _assert_same_scores(ours, ref, grams, every_context: bool = False) -> None:
    # Same formulas, same operation order, float64: 1e-12 absolute (they agree exactly).
    assert len(ours.vocab_) == len(ref.vocab)
    for g in grams:
        # The full context and the unigram level, or every context length in between.
        contexts = [g[i:-1] for i in range(len(g))] if every_context else [g[:-1], ()]
        for ctx in contexts:
            assert abs(ours.score(g[-1], ctx) - ref.score(g[-1], ctx)) <= 1e-12, (g, ctx)
    if not grams:  # an empty held-out sentence under a unigram model
        return
    # One score at a time (plain Python) and all at once (arrays): the same floats.
    assert ours._score_grams(grams) == [ours.score(g[-1], g[:-1]) for g in grams]
    po, pr = ours.perplexity(grams), ref.perplexity(grams)
    assert po == pr or abs(po - pr) <= 1e-12 * pr


@pytest.mark.parametrize("case", list(CASES))
def test_scores_and_perplexity_match_nltk(case: str, split) -> None:
    train, test = split
    ours, ref = _fit_both(*CASES[case], train)
    grams = ours.ngrams_of(test)[:150]
    _assert_same_scores(ours, ref, grams)
    g = grams[-1]
    assert ours.count(g[-2:]) == ref.counts[list(g[-2:-1])][g[-1]]


_words = st.lists(st.sampled_from("a b c d e".split()), max_size=6)


@settings(max_examples=60, deadline=None)
@given(
    train=st.lists(_words, min_size=1, max_size=6).filter(any),
    test=st.lists(st.lists(st.sampled_from("a b c z".split()), max_size=5), min_size=1, max_size=3),
    kind=st.sampled_from(
        ["MLE", "Laplace", "Lidstone", "JelinekMercerInterpolated", "KneserNeyInterpolated"]
    ),
    order=st.integers(1, 4),
    cutoff=st.integers(1, 2),
)
def test_random_small_corpora_match_nltk(train, test, kind, order, cutoff) -> None:
    # Tiny vocabularies, empty sentences, rare words turned into <UNK>, unseen words and
    # contexts: every path of the sorted-array counting against nltk's dictionaries.
    if kind == "KneserNeyInterpolated":
        order = max(order, 2)
    extra = {"Lidstone": 0.3, "JelinekMercerInterpolated": 0.6}.get(kind)
    ours, ref = _fit_both(kind, order, cutoff, extra, train)
    _assert_same_scores(ours, ref, ours.ngrams_of(test), every_context=True)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 2**40 - 1), min_size=1, max_size=80))
def test_radix_sort_equals_stable_argsort(values) -> None:
    # The counting core: values of up to three 16-bit digits, with repeats; the order must
    # be NumPy's stable one (ties keep their order), and the values come back sorted.
    v = np.array(values, np.int64)
    order, sorted_values = ngram._radix(v, 40)
    np.testing.assert_array_equal(order, np.argsort(v, kind="stable"))
    np.testing.assert_array_equal(sorted_values, np.sort(v))


def test_large_vocabulary_matches_nltk() -> None:
    # About 80,000 word types: ids take two radix digits and the bigram keys (id * number of
    # unigrams + index) pass 2**31, so they are held in int64. Random sentences make
    # nearly every bigram and trigram distinct.
    rng = np.random.default_rng(0)
    words = [f"w{i}" for i in range(200_000)]
    train = [[words[i] for i in rng.integers(0, 200_000, 6)] for _ in range(15_000)]
    test = [train[7], [words[i] for i in rng.integers(0, 200_000, 6)]]
    ours, ref = _fit_both("KneserNeyInterpolated", 3, 1, None, train)
    assert len(ours.vocab_) > 2**16 and len(ours.vocab_) * len(ours._trie.keys[1]) > 2**31
    _assert_same_scores(ours, ref, ours.ngrams_of(test), every_context=True)


def test_five_grams_match_nltk(split) -> None:
    # Order 5: keys of the sorted-array trie stay within int64 however long the n-gram.
    train, test = split
    ours, ref = _fit_both("KneserNeyInterpolated", 5, 2, 0.75, train[:1200])
    _assert_same_scores(ours, ref, ours.ngrams_of(test)[:25])


def test_inspection_dictionaries_match_nltk_counts(split) -> None:
    ours, ref = _fit_both("KneserNeyInterpolated", 3, 1, None, split[0][:600])

    def ref_followers(h: tuple[str, ...]):
        return ref.counts.unigrams if not h else ref.counts[len(h) + 1][h]

    for h, followers in ours.counts_.items():
        assert dict(followers) == dict(ref_followers(h)), h
        assert ours.totals_[h] == ref_followers(h).N()
        assert ours.types_[h] == len(ref_followers(h))
    n_ref = len(ref.counts.unigrams) + sum(
        len(ref.counts[k][h]) for k in (2, 3) for h in ref.counts[k].conditions()
    )
    assert sum(map(len, ours.counts_.values())) == n_ref  # no context left out
    # Continuation counts straight from their definitions over the distinct n-grams.
    before: dict[tuple[str, ...], set[str]] = {}
    middle: Counter[tuple[str, ...]] = Counter()
    for h, followers in ours.counts_.items():
        if h:
            middle[h[1:]] += len(followers)  # N1+(. h[1:] .)
            for w in followers:
                before.setdefault(h[1:] + (w,), set()).add(h[0])  # N1+(. h[1:] w)
    assert dict(ours.continuation_) == {g: len(s) for g, s in before.items()}
    assert dict(ours.continuation_total_) == dict(middle)


def test_kneser_ney_counts_and_sampling(split) -> None:
    lm = ngram.KneserNeyInterpolated(3).fit(split[0])
    # Continuation probabilities sum to one over the vocabulary.
    assert abs(sum(lm.score(w) for w in [*lm.vocab_.words, "<UNK>"]) - 1) < 1e-12
    a = lm.generate(12, context=["the"], random_state=3)
    assert a == lm.generate(12, context=["the"], random_state=3) and len(a) <= 12
    assert all(w in lm.vocab_ for w in a)


def test_refit_and_other_iterables(split) -> None:
    lm = ngram.MLE(2).fit(split[0][:100])
    small = lm.counts_
    lm.fit(iter(tuple(s) for s in split[0][:200]))  # tuples from a generator are fine
    assert lm.counts_ is not small  # the inspection dictionaries follow the new fit
    assert lm.count(["<s>"]) == 200 and lm.count(["zyzzyva"]) == 0


class _DictLaplace(ngram.NgramLanguageModel):
    """Add-one written on the inspection dictionaries, as the course's exercises do."""

    def score(self, word: str, context=()) -> float:
        word, h = self.vocab_.lookup(word), tuple(self.vocab_.lookup(w) for w in context)
        h = h[-(self.order - 1) :] if self.order > 1 else ()
        c = self.counts_[h][word] if h in self.counts_ else 0
        return (c + 1) / (self.totals_.get(h, 0) + len(self.vocab_))


def test_a_subclass_defining_only_score_gets_perplexity_and_sampling(split) -> None:
    train, test = split[0][:300], split[1][:20]
    ours, lib = _DictLaplace(2).fit(train), ngram.Laplace(2).fit(train)
    grams = lib.ngrams_of(test)
    assert ours.perplexity(grams) == lib.perplexity(grams)  # same formula, same floats
    assert ours.generate(8, random_state=1) == lib.generate(8, random_state=1)
    with pytest.raises(NotImplementedError, match="neither score"):
        ngram.NgramLanguageModel(2).fit(train).perplexity(grams)


def test_oov_and_bad_input(split) -> None:
    lm = ngram.Laplace(2).fit(split[0])
    assert lm.score("zyzzyva", ["the"]) == lm.score("<UNK>", ["the"]) > 0
    with pytest.raises(TypeError, match="tokenised sentences"):
        ngram.MLE(2).fit(["a whole string"])
    with pytest.raises(ValueError, match="no words"):
        ngram.MLE(1).fit([])
    with pytest.raises(ValueError, match="order >= 2"):
        ngram.KneserNeyInterpolated(1).fit(split[0])
    with pytest.raises(RuntimeError, match="not fitted"):
        ngram.MLE(2).score("a")
    with pytest.raises(TypeError, match="must be a str"):
        lm.score(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="empty"):
        lm.perplexity([])
    with pytest.raises(ValueError):
        ngram.MLE(0)


def test_one_end_symbol_so_every_order_scores_the_same_events(split) -> None:
    # n - 1 <s> give the first word its context; a single </s> is the one event "the line
    # ends". With n - 1 </s> (nltk's pad_both_ends) a trigram model would score one extra,
    # near-certain </s> per line, a 4-gram model two: different tests for each order.
    test = split[1]
    assert ngram.pad_sentence(["i", "am"], 3) == ["<s>", "<s>", "i", "am", "</s>"]
    events = sum(len(s) + 1 for s in test)
    for order in (1, 2, 3, 4):
        assert len(ngram.MLE(order).ngrams_of(test)) == events


def test_jelinek_mercer_is_a_distribution_and_rejects_a_bad_weight(split) -> None:
    lm = ngram.JelinekMercerInterpolated(0.8, 3).fit(split[0][:500])
    vocab = [*lm.vocab_.words, "<UNK>"]
    for ctx in (["the", "king"], ["zyzzyva", "qua"], []):  # seen, unseen, none
        assert abs(math.fsum(lm.score(w, ctx) for w in vocab) - 1) < 1e-12
    assert lm.score("zyzzyva", ["the"]) > 0  # the uniform floor
    # lambda = 0: only the uniform floor is left
    flat = ngram.JelinekMercerInterpolated(0.0, 2).fit(split[0][:50])
    assert flat.score("the", ["of"]) == pytest.approx(1 / len(flat.vocab_))
    with pytest.raises(ValueError, match="lambda_ must be between 0 and 1"):
        ngram.JelinekMercerInterpolated(1.5, 2).fit(split[0][:50])
