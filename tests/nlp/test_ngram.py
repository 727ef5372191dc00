"""N-gram LMs: identical scores (1e-12) to nltk.lm on the same vocabulary and n-grams, for
both implementations — the lesson's dictionaries (``ladder.nlp.ngram``) and the sorted-array
trie (``ladder.nlp.ngram_trie``) — and the same floats, counts and samples from the two.

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

from ladder.nlp import ngram, ngram_trie
from ladder.nlp.tokenize import simple_tokenize

IMPLS = {"dict": ngram, "trie": ngram_trie}


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


def _fit_both(kind: str, order: int, cutoff: int, extra: float | None, train, impl=ngram_trie):
    """The same model, fitted on the same sentences, in ladder (``impl``) and in nltk.lm."""
    ref_vocab = nltk_lm.Vocabulary(unk_cutoff=cutoff)
    if kind == "Lidstone":
        ours = impl.Lidstone(extra, order, unk_cutoff=cutoff)
        ref = nltk_lm.Lidstone(extra, order, vocabulary=ref_vocab)
    elif kind == "JelinekMercerInterpolated":
        ours = impl.JelinekMercerInterpolated(extra, order, unk_cutoff=cutoff)
        ref = InterpolatedLanguageModel(
            _JelinekMercer, order, vocabulary=ref_vocab, params={"lam": extra}
        )
    elif kind == "KneserNeyInterpolated" and extra is not None:
        ours = impl.KneserNeyInterpolated(order, discount=extra, unk_cutoff=cutoff)
        ref = nltk_lm.KneserNeyInterpolated(order, discount=extra, vocabulary=ref_vocab)
    else:
        ours = getattr(impl, kind)(order, unk_cutoff=cutoff)
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
    if isinstance(ours, ngram_trie.TrieNgramModel):
        # One score at a time (plain Python) and all at once (arrays): the same floats.
        assert ours._score_grams(grams) == [ours.score(g[-1], g[:-1]) for g in grams]
    po, pr = ours.perplexity(grams), ref.perplexity(grams)
    assert po == pr or abs(po - pr) <= 1e-12 * pr


@pytest.mark.parametrize("impl", list(IMPLS))
@pytest.mark.parametrize("case", list(CASES))
def test_scores_and_perplexity_match_nltk(case: str, impl: str, split) -> None:
    train, test = split
    ours, ref = _fit_both(*CASES[case], train, IMPLS[impl])
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
    # contexts: every path of both countings against nltk's dictionaries, and the two
    # implementations against each other, float for float.
    if kind == "KneserNeyInterpolated":
        order = max(order, 2)
    extra = {"Lidstone": 0.3, "JelinekMercerInterpolated": 0.6}.get(kind)
    models = [_fit_both(kind, order, cutoff, extra, train, impl)[0] for impl in IMPLS.values()]
    ours, ref = _fit_both(kind, order, cutoff, extra, train)
    _assert_same_scores(ours, ref, ours.ngrams_of(test), every_context=True)
    _assert_same_models(*models, ours.ngrams_of(test))


def _assert_same_models(a, b, grams) -> None:
    """The dictionary model ``a`` and the trie model ``b``: the same counts, the same
    floats for every context length, the same perplexity and the same samples."""
    assert a.vocab_.words == b.vocab_.words and len(a.vocab_) == len(b.vocab_)
    assert a.counts_ == b.counts_ and a.totals_ == b.totals_ and a.types_ == b.types_
    for k in range(1, a.order + 1):  # the raw count arrays hold nothing but the k-grams
        counts = [c for h, follow in a.counts_.items() if len(h) == k - 1 for c in follow.values()]
        assert sorted(b._trie.counts(k).tolist()) == sorted(counts)
    if isinstance(a, ngram.KneserNeyInterpolated):
        assert +a.continuation_ == +b.continuation_
        assert +a.continuation_total_ == +b.continuation_total_
    for g in grams:
        for i in range(len(g)):
            assert a.score(g[-1], g[i:-1]) == b.score(g[-1], g[i:-1]), (g, i)
    if grams:
        assert a.perplexity(grams) == b.perplexity(grams)
    assert a.generate(6, random_state=2) == b.generate(6, random_state=2)


@pytest.mark.parametrize("case", list(CASES))
def test_dictionary_and_trie_models_agree(case: str, split) -> None:
    # The lesson's counting and the fast one on 600 lines of Shakespeare: the same model.
    train, test = split[0][:600], split[1][:40]
    a, _ = _fit_both(*CASES[case], train, ngram)
    b, _ = _fit_both(*CASES[case], train, ngram_trie)
    _assert_same_models(a, b, a.ngrams_of(test))


def _trie_arrays(model) -> dict[str, list]:
    t = model._trie
    return {a: [x.tolist() for x in getattr(t, a)] for a in ("keys", "count", "total", "types")}


@settings(max_examples=60, deadline=None)
@given(
    train=st.lists(st.lists(st.sampled_from("a b c d <s> </s>".split()), max_size=7), min_size=1),
    order=st.integers(2, 5),
    cutoff=st.integers(1, 2),
)
def test_packed_and_ranked_counting_build_the_same_trie(train, order, cutoff) -> None:
    # The one-sort counting (n codes packed in an int64) and the order-at-a-time one used
    # when they do not fit: the same arrays, continuation counts included. Literal <s> and
    # </s> in the text make sentence-final grams and suffixes the fast path does not expect.
    if not any(train):
        train = [*train, ["a"]]
    packed = ngram_trie.KneserNeyInterpolated(order, unk_cutoff=cutoff).fit(train)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(ngram_trie, "_PACKED_BITS", 0)
        ranked = ngram_trie.KneserNeyInterpolated(order, unk_cutoff=cutoff).fit(train)
    assert _trie_arrays(packed) == _trie_arrays(ranked)
    for a in ("cont", "cont_total"):
        assert [x.tolist() for x in getattr(packed._trie, a)] == [
            x.tolist() for x in getattr(ranked._trie, a)
        ]


@settings(max_examples=150, deadline=None)
@given(st.sets(st.integers(-(2**62), 2**62), min_size=1, max_size=60), st.data())
def test_spread_counts_over_a_sorted_superset(full, data) -> None:
    # The continuation counts' placement: bisection for a few missing elements (next to
    # each other, at either end), a search for many.
    full = np.array(sorted(full), np.int64)
    times = data.draw(st.lists(st.integers(0, 3), min_size=len(full), max_size=len(full)))
    suffix = np.repeat(full, times)
    np.testing.assert_array_equal(ngram_trie._spread(suffix, full), times)


def test_large_vocabulary_matches_nltk() -> None:
    # About 80,000 word types: codes take 17 bits, a trigram 51 (packed in one int64) and
    # the keys (bigram index << 17 | code) pass 2**32. Random sentences make nearly every
    # bigram and trigram distinct.
    rng = np.random.default_rng(0)
    words = [f"w{i}" for i in range(200_000)]
    train = [[words[i] for i in rng.integers(0, 200_000, 6)] for _ in range(15_000)]
    test = [train[7], [words[i] for i in rng.integers(0, 200_000, 6)]]
    ours, ref = _fit_both("KneserNeyInterpolated", 3, 1, None, train)
    assert len(ours.vocab_) > 2**16 and int(ours._trie.keys[3].max()) > 2**32
    _assert_same_scores(ours, ref, ours.ngrams_of(test), every_context=True)


@pytest.mark.parametrize("impl", list(IMPLS))
def test_five_grams_match_nltk(impl: str, split) -> None:
    # Order 5: five codes of 14 bits do not fit in 63, so the trie is built one order at a
    # time; its keys stay within int64 however long the n-gram.
    train, test = split
    ours, ref = _fit_both("KneserNeyInterpolated", 5, 2, 0.75, train[:1200], IMPLS[impl])
    _assert_same_scores(ours, ref, ours.ngrams_of(test)[:25])


@pytest.mark.parametrize("impl", list(IMPLS))
def test_inspection_dictionaries_match_nltk_counts(impl: str, split) -> None:
    ours, ref = _fit_both("KneserNeyInterpolated", 3, 1, None, split[0][:600], IMPLS[impl])

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


@pytest.mark.parametrize("impl", list(IMPLS))
def test_kneser_ney_counts_and_sampling(impl: str, split) -> None:
    lm = IMPLS[impl].KneserNeyInterpolated(3).fit(split[0][:1000])
    # Continuation probabilities sum to one over the vocabulary.
    assert abs(sum(lm.score(w) for w in [*lm.vocab_.words, "<UNK>"]) - 1) < 1e-12
    a = lm.generate(12, context=["the"], random_state=3)
    assert a == lm.generate(12, context=["the"], random_state=3) and len(a) <= 12
    assert all(w in lm.vocab_ for w in a)


@pytest.mark.parametrize("impl", list(IMPLS))
def test_refit_and_other_iterables(impl: str, split) -> None:
    lm = IMPLS[impl].MLE(2).fit(split[0][:100])
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


@pytest.mark.parametrize("impl", list(IMPLS))
def test_a_subclass_defining_only_score_gets_perplexity_and_sampling(impl: str, split) -> None:
    train, test = split[0][:300], split[1][:20]
    ours, lib = _DictLaplace(2).fit(train), IMPLS[impl].Laplace(2).fit(train)
    grams = lib.ngrams_of(test)
    assert ours.perplexity(grams) == lib.perplexity(grams)  # same formula, same floats
    assert ours.generate(8, random_state=1) == lib.generate(8, random_state=1)
    with pytest.raises(NotImplementedError, match="no score"):
        ngram.NgramLanguageModel(2).fit(train).perplexity(grams)


@pytest.mark.parametrize("impl", list(IMPLS))
def test_oov_and_bad_input(impl: str, split) -> None:
    lib = IMPLS[impl]
    lm = lib.Laplace(2).fit(split[0][:1000])
    assert lm.score("zyzzyva", ["the"]) == lm.score("<UNK>", ["the"]) > 0
    with pytest.raises(TypeError, match="tokenised sentences"):
        lib.MLE(2).fit(["a whole string"])
    with pytest.raises(ValueError, match="no words"):
        lib.MLE(1).fit([])
    with pytest.raises(ValueError, match="order >= 2"):
        lib.KneserNeyInterpolated(1).fit(split[0])
    with pytest.raises(RuntimeError, match="not fitted"):
        lib.MLE(2).score("a")
    with pytest.raises(TypeError, match="must be a str"):
        lm.score(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="empty"):
        lm.perplexity([])
    with pytest.raises(ValueError):
        lib.MLE(0)


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


def test_suffixes_too_wide_for_int32_in_a_five_gram_model() -> None:
    # 5-grams over ~1,500 word types: codes take 11 bits, so the suffixes that continuation
    # counts sort on are 33 bits (4-grams) and 44 bits (5-grams), past int32, while the
    # whole 5-gram still packs in one int64 — the path the smaller tests never take.
    rng = np.random.default_rng(5)
    words = [f"w{i}" for i in range(3000)]
    p = 1 / np.arange(1, 3001)
    p /= p.sum()
    train = [[words[i] for i in rng.choice(3000, rng.integers(0, 9), p=p)] for _ in range(3000)]
    test = [[words[i] for i in rng.choice(3000, 6, p=p)] for _ in range(20)] + train[:2]
    b, ref = _fit_both("KneserNeyInterpolated", 5, 1, None, train)  # ours and nltk.lm
    assert 5 * b._trie.bits <= 63 and 3 * b._trie.bits > 31
    _assert_same_scores(b, ref, b.ngrams_of(test), every_context=True)
    a = ngram.KneserNeyInterpolated(5).fit(train)
    _assert_same_models(a, b, a.ngrams_of(test))
    with pytest.MonkeyPatch.context() as m:
        m.setattr(ngram_trie, "_PACKED_BITS", 0)
        ranked = ngram_trie.KneserNeyInterpolated(5).fit(train)
    assert _trie_arrays(b) == _trie_arrays(ranked)
    assert [x.tolist() for x in b._trie.cont] == [x.tolist() for x in ranked._trie.cont]
