"""Checks for the perplexity exercise (the learner writes entropy and perplexity)."""

import math

from ladder.curriculum.expect import expect_close, expect_raises

SAM = [
    ["i", "am", "sam"],
    ["sam", "i", "am"],
    ["i", "do", "not", "like", "green", "eggs", "and", "ham"],
]
CORPUS = "the lesson's three sentences: i am sam / sam i am / i do not like green eggs and ham"


def _logs(model, grams):
    return [model.logscore(g[-1], g[:-1]) for g in grams]


def check_entropy(submitted, reference):
    """the cross-entropy in bits of 'i am sam' under a Laplace bigram model"""
    ours, ref = submitted(2).fit(SAM), reference(2).fit(SAM)
    grams = ref.ngrams_of([["i", "am", "sam"]])
    logs = _logs(ref, grams)
    expect_close(
        ours.entropy(grams),
        ref.entropy(grams),
        inputs={"corpus": CORPUS, "ngrams": grams},
        what="the entropy",
        mistakes=[
            (-sum(logs), "average over the n-grams: divide by N"),
            (
                sum(logs) / len(logs),
                "negate: log-probabilities are negative, the entropy is positive",
            ),
            (
                -sum(l * math.log(2) for l in logs) / len(logs),
                "use log base 2 (logscore already is): that is nats",
            ),
            (
                -sum(ref.logscore(g[-1]) for g in grams) / len(grams),
                "score each word given its context g[:-1]: the context is all but the last word",
            ),
        ],
    )


def check_perplexity(submitted, reference):
    """the lesson's perplexities 6.325 and 9.879"""
    ours, ref = submitted(2).fit(SAM), reference(2).fit(SAM)
    for sentence in (["i", "am", "sam"], ["sam", "i", "like", "ham"]):
        grams = ref.ngrams_of([sentence])
        H = ref.entropy(grams)
        expect_close(
            ours.perplexity(grams),
            ref.perplexity(grams),
            inputs={"corpus": CORPUS, "sentence": sentence},
            mistakes=[
                (math.exp(H), "perplexity is 2 ** H when H is in bits"),
                (
                    2 ** (H * len(grams)),
                    "use the average (the entropy), not the total log-probability",
                ),
            ],
        )


def check_several_sentences(submitted, reference):
    """averages over the n-grams of several sentences"""
    ours, ref = submitted(3).fit(SAM), reference(3).fit(SAM)
    grams = ref.ngrams_of([["i", "am", "sam"], ["i", "like", "green", "ham"]])
    expect_close(
        ours.perplexity(grams),
        ref.perplexity(grams),
        inputs={"corpus": CORPUS, "order": 3, "test": "i am sam / i like green ham"},
    )


def check_empty(submitted, reference):
    """no n-grams raises ValueError"""
    ours = submitted(2).fit(SAM)
    expect_raises(ValueError, ours.entropy, [], inputs={"ngrams": []})
