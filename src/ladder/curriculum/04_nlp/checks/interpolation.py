"""Checks for the Jelinek–Mercer exercise (the learner writes JelinekMercerInterpolated.score)."""

from ladder.curriculum.expect import expect_close

SAM = [
    ["i", "am", "sam"],
    ["sam", "i", "am"],
    ["i", "do", "not", "like", "green", "eggs", "and", "ham"],
]
CORPUS = "the lesson's three sentences: i am sam / sam i am / i do not like green eggs and ham"


def _mle(ref, word, h):
    """c(h w) / c(h) from the reference's counts (0 for an unseen context)."""
    total = ref.totals_.get(tuple(h), 0)
    return ref.counts_[tuple(h)][word] / total if total else 0.0


def check_unigrams(submitted, reference):
    """unigrams: λ c(w)/N + (1 − λ)/|V|"""
    ours, ref = submitted(0.7, 1).fit(SAM), reference(0.7, 1).fit(SAM)
    V = len(ref.vocab_)
    for word in ("i", "ham", "zebra"):
        expect_close(
            ours.score(word),
            ref.score(word),
            inputs={"corpus": CORPUS, "lambda_": 0.7, "order": 1, "word": word},
            mistakes=[
                (_mle(ref, word, ()), "end the recursion with the uniform share (1 − λ)/|V|"),
                (0.7 * _mle(ref, word, ()), "the unigram level still adds (1 − λ)/|V|"),
                (
                    0.3 * _mle(ref, word, ()) + 0.7 / V,
                    "λ weighs the counts, 1 − λ the shorter context (here the uniform)",
                ),
            ],
        )


def check_bigrams(submitted, reference):
    """bigrams: λ P_MLE(w | h) + (1 − λ) P(w)"""
    ours, ref = submitted(0.7, 2).fit(SAM), reference(0.7, 2).fit(SAM)
    for word, ctx in [("am", ["i"]), ("ham", ["i"]), ("</s>", ["ham"]), ("i", ["<s>"])]:
        expect_close(
            ours.score(word, ctx),
            ref.score(word, ctx),
            inputs={"corpus": CORPUS, "lambda_": 0.7, "order": 2, "word": word, "context": ctx},
            mistakes=[
                (_mle(ref, word, ctx), "interpolate: add (1 − λ) times the shorter context's P"),
                (
                    0.3 * _mle(ref, word, ctx) + 0.7 * ref.score(word),
                    "λ weighs the counts, 1 − λ the shorter context",
                ),
            ],
        )


def check_unseen_context(submitted, reference):
    """a context never seen passes its whole mass down"""
    ours, ref = submitted(0.6, 2).fit(SAM), reference(0.6, 2).fit(SAM)
    for word, ctx in [("am", ["zebra"]), ("ham", ["green"])]:
        expect_close(
            ours.score(word, ctx),
            ref.score(word, ctx),
            inputs={"corpus": CORPUS, "lambda_": 0.6, "order": 2, "word": word, "context": ctx},
            mistakes=[
                (0.4 * ref.score(word), "an unseen context gives all its mass to h', not 1 − λ"),
            ],
        )


def check_trigrams_recurse(submitted, reference):
    """trigrams recurse through the bigram level"""
    ours, ref = submitted(0.8, 3).fit(SAM), reference(0.8, 3).fit(SAM)
    for word, ctx in [("sam", ["i", "am"]), ("do", ["<s>", "i"]), ("am", ["ham", "i"])]:
        skip = 0.8 * _mle(ref, word, ctx) + 0.2 * ref.score(word)
        expect_close(
            ours.score(word, ctx),
            ref.score(word, ctx),
            inputs={"corpus": CORPUS, "lambda_": 0.8, "order": 3, "word": word, "context": ctx},
            mistakes=[(skip, "recurse one order at a time: the trigram falls back to bigrams")],
        )


def check_sums_to_one(submitted, reference):
    """the probabilities after any context sum to 1"""
    ours = submitted(0.5, 3).fit(SAM)
    words = [*reference(0.5, 3).fit(SAM).vocab_.words, "<UNK>"]
    for ctx in (["i", "am"], ["zebra", "i"]):
        expect_close(
            sum(ours.score(w, ctx) for w in words),
            1.0,
            inputs={"corpus": CORPUS, "lambda_": 0.5, "order": 3, "context": ctx},
            what="the sum of P(w | context) over the vocabulary",
        )
