"""Checks for the MLE exercise (the learner writes MLE.score)."""

from ladder.curriculum.expect import expect_close

SAM = [
    ["i", "am", "sam"],
    ["sam", "i", "am"],
    ["i", "do", "not", "like", "green", "eggs", "and", "ham"],
]
CORPUS = "the lesson's three sentences: i am sam / sam i am / i do not like green eggs and ham"


def check_bigram_probabilities(submitted, reference):
    """P(am | i) = 2/3 and P(sam | am) = 1/2"""
    ours, ref = submitted(2).fit(SAM), reference(2).fit(SAM)
    for word, ctx in [
        ("am", ["i"]),
        ("sam", ["am"]),
        ("do", ["i"]),
        ("i", ["<s>"]),
        ("</s>", ["ham"]),
    ]:
        expect_close(
            ours.score(word, ctx),
            ref.score(word, ctx),
            inputs={"corpus": CORPUS, "word": word, "context": ctx},
            mistakes=[
                (
                    ref.count(ctx + [word]),
                    "divide the count by c(context), the number of n-grams with that context",
                ),
                (
                    ref.count(ctx + [word]) / ref.totals_[()],
                    "divide by c(context), not by all the n-grams N",
                ),
                (
                    ref.count(ctx + [word]) / len(ref.counts_[tuple(ctx)]),
                    "divide by c(context), the number of n-grams with that context, not by "
                    "the number of distinct words after it",
                ),
            ],
        )


def check_unseen(submitted, reference):
    """unseen pairs and unseen contexts get probability 0"""
    ours, V = submitted(2).fit(SAM), len(reference(2).fit(SAM).vocab_)
    for word, ctx in [("ham", ["i"]), ("am", ["zebra"])]:
        expect_close(
            ours.score(word, ctx),
            0.0,
            inputs={"corpus": CORPUS, "word": word, "context": ctx},
            mistakes=[
                (
                    1 / V,
                    "a context never seen has no counts: MLE gives it 0 (smoothing, the next "
                    "exercise, is what moves mass to unseen events)",
                )
            ],
        )


def check_sums_to_one(submitted, reference):
    """the probabilities after a seen context sum to 1"""
    ours = submitted(2).fit(SAM)
    total = sum(ours.score(w, ["i"]) for w in [*ours.vocab_.words, "<UNK>"])
    expect_close(
        total,
        1.0,
        inputs={"corpus": CORPUS, "context": ["i"]},
        what="the sum of P(w | i) over the vocabulary",
    )


def check_trigrams_and_unigrams(submitted, reference):
    """works for trigrams and unigrams too"""
    for order, word, ctx in [
        (3, "sam", ["i", "am"]),
        (3, "i", ["<s>", "<s>"]),
        (3, "am", ["sam", "i"]),
        (3, "sam", ["<s>", "i", "am"]),
        (1, "i", []),
    ]:
        ref = reference(order).fit(SAM)
        last = tuple(ctx[-1:])
        expect_close(
            submitted(order).fit(SAM).score(word, ctx),
            ref.score(word, ctx),
            inputs={"corpus": CORPUS, "order": order, "word": word, "context": ctx},
            mistakes=[
                (
                    ref.counts_[last][word] / ref.totals_[last] if ref.totals_.get(last) else 0.0,
                    "use the whole trimmed context h (order − 1 words), not only its last word",
                ),
                (
                    ref.score(word, ctx[: order - 1]),
                    "keep the *last* order − 1 words of a longer context (the given lines do "
                    "it): h[-(order - 1):]",
                ),
            ],
        )
