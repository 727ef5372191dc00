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


def check_bigram_counts(submitted, reference):
    """N1+(• sam) = 2, N1+(• am) = 1 and N1+(• •) = 15"""
    ours, ref = submitted(2).fit(SAM), reference(2).fit(SAM)
    raw_cont, _ = _raw(ref)
    expect_equal(
        _positive(ours.continuation_),
        _positive(ref.continuation_),
        inputs={"corpus": CORPUS, "order": 2},
        what="continuation_",
        mistakes=[
            (
                _positive(raw_cont),
                "count distinct preceding words (add 1 per type), not the raw counts c(h w)",
            )
        ],
    )
    expect_equal(
        _positive(ours.continuation_total_),
        _positive(ref.continuation_total_),
        inputs={"corpus": CORPUS, "order": 2},
        what="continuation_total_",
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
