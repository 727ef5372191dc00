"""Checks for the Kneser-Ney continuation-count exercise (the learner writes the two properties)."""

from collections import Counter

from ladder.curriculum.expect import expect_equal

SAM = [
    ["i", "am", "sam"],
    ["sam", "i", "am"],
    ["i", "do", "not", "like", "green", "eggs", "and", "ham"],
]
CORPUS = "the lesson's three sentences: i am sam / sam i am / i do not like green eggs and ham"
SHAKESPEARE = [
    s.split()
    for s in [
        "to be or not to be that is the question",
        "whether tis nobler in the mind to suffer",
        "the slings and arrows of outrageous fortune",
        "or to take arms against a sea of troubles",
        "and by opposing end them to die to sleep",
    ]
]


def _positive(counter):
    return {k: v for k, v in counter.items() if v > 0}


def _raw(model):
    cont, total = Counter(), Counter()
    for h, followers in model.counts_.items():
        if h:
            for w, c in followers.items():
                cont[h[1:] + (w,)] += c
                total[h[1:]] += c
    return cont, total


def _variant(model, *, unigrams=False, keep_first=False, total_by_h=False):
    """Continuation counts done one way wrong: the mistakes' values."""
    cont, total = Counter(), Counter()
    for h, followers in model.counts_.items():
        if h or unigrams:
            for w in followers:
                cont[(h if keep_first else h[1:]) + (w,)] += 1
                total[h if total_by_h else h[1:]] += 1
    return _positive(cont), _positive(total)


def check_bigram_counts(submitted, reference):
    """N1+(• sam) = 2, N1+(• am) = 1 and N1+(• •) = 15"""
    ours, ref = submitted(2).fit(SAM), reference(2).fit(SAM)
    raw_cont, raw_total = _raw(ref)
    expect_equal(
        _positive(ours.continuation_),
        _positive(ref.continuation_),
        inputs={"corpus": CORPUS, "order": 2},
        what="continuation_",
        mistakes=[
            (
                _positive(raw_cont),
                "count distinct preceding words (add 1 per type), not the raw counts c(h w)",
            ),
            (
                _variant(ref, keep_first=True)[0],
                "drop the first word of h: the type v h w continues h[1:] + (w,)",
            ),
            (
                _variant(ref, unigrams=True)[0],
                "skip the unigram counts (h == ()): a unigram has no preceding word",
            ),
        ],
    )
    expect_equal(
        _positive(ours.continuation_total_),
        _positive(ref.continuation_total_),
        inputs={"corpus": CORPUS, "order": 2},
        what="continuation_total_",
        mistakes=[
            (
                _positive(raw_total),
                "N1+(• h •) counts types, not tokens: add 1 per (h, w) key, not c(h w)",
            ),
            (
                _variant(ref, total_by_h=True)[1],
                "key continuation_total_ by h[1:], the context without its first word",
            ),
            (
                _variant(ref, unigrams=True)[1],
                "skip the unigram counts (h == ()): a unigram has no preceding word",
            ),
        ],
    )


def check_trigram_counts(submitted, reference):
    """fills every lower order of a trigram model"""
    ours, ref = submitted(3).fit(SHAKESPEARE), reference(3).fit(SHAKESPEARE)
    expect_equal(
        _positive(ours.continuation_),
        _positive(ref.continuation_),
        inputs={"corpus": "five lines of Hamlet's soliloquy", "order": 3},
        what="continuation_",
        mistakes=[
            (
                {k: v for k, v in _positive(ref.continuation_).items() if len(k) == 2},
                "count types of every context length >= 1, not only the longest",
            )
        ],
    )
    expect_equal(
        _positive(ours.continuation_total_),
        _positive(ref.continuation_total_),
        inputs={"corpus": "five lines of Hamlet's soliloquy", "order": 3},
        what="continuation_total_",
    )
