"""Checks for the add-k smoothing exercise (the learner writes Lidstone.score)."""

from ladder.curriculum.expect import expect_close

SAM = [
    ["i", "am", "sam"],
    ["sam", "i", "am"],
    ["i", "do", "not", "like", "green", "eggs", "and", "ham"],
]
CORPUS = "the lesson's three sentences: i am sam / sam i am / i do not like green eggs and ham"


def check_laplace(submitted, reference):
    """k = 1: P(am | i) = (2 + 1)/(3 + 13)"""
    ours, ref = submitted(1, 2).fit(SAM), reference(1, 2).fit(SAM)
    V = len(ref.vocab_)
    expect_close(
        ours.score("am", ["i"]),
        ref.score("am", ["i"]),
        inputs={"corpus": CORPUS, "k": 1, "word": "am", "context": ["i"]},
        mistakes=[
            (3 / (3 + V - 1), "|V| is len(self.vocab_), which counts <UNK>"),
            ((2 + 1) / (3 + 1), "add k|V| to the denominator, not k"),
            (2 / 3, "add k to the count"),
            (2 / (3 + V), "add k to the count too: (c + k) / (c(h) + k|V|)"),
            (
                3 / (3 + len(ref.counts_[("i",)])),
                "|V| is len(self.vocab_), not the number of words seen after the context",
            ),
        ],
    )


def check_unseen(submitted, reference):
    """unseen pairs and unseen contexts get a small positive probability"""
    ours, ref = submitted(1, 2).fit(SAM), reference(1, 2).fit(SAM)
    for word, ctx in [("ham", ["i"]), ("am", ["zebra"]), ("zebra", ["i"])]:
        expect_close(
            ours.score(word, ctx),
            ref.score(word, ctx),
            inputs={"corpus": CORPUS, "k": 1, "word": word, "context": ctx},
            mistakes=[(0.0, "an unseen pair still gets k / (c(h) + k|V|)")],
        )


def check_small_k(submitted, reference):
    """k = 0.01 moves less mass to unseen words"""
    ours, ref = submitted(0.01, 3).fit(SAM), reference(0.01, 3).fit(SAM)
    V = len(ref.vocab_)
    for word, ctx in [
        ("sam", ["i", "am"]),
        ("i", ["<s>", "<s>"]),
        ("eggs", ["i", "am"]),
        ("sam", ["<s>", "i", "am"]),
    ]:
        h = tuple(ctx[-2:])
        c, total = ref.counts_.get(h, {}).get(word, 0), ref.totals_.get(h, 0)
        expect_close(
            ours.score(word, ctx),
            ref.score(word, ctx),
            inputs={"corpus": CORPUS, "k": 0.01, "order": 3, "word": word, "context": ctx},
            mistakes=[((c + 1) / (total + V), "k is self.gamma (0.01 here), not always 1")],
        )


def check_sums_to_one(submitted, reference):
    """the probabilities after any context sum to 1"""
    ours = submitted(0.5, 2).fit(SAM)
    for ctx in (["i"], ["zebra"]):
        total = sum(ours.score(w, ctx) for w in [*ours.vocab_.words, "<UNK>"])
        expect_close(
            total,
            1.0,
            inputs={"corpus": CORPUS, "k": 0.5, "context": ctx},
            what="the sum over the vocabulary",
        )
