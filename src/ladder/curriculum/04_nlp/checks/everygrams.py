"""Checks for the padded everygrams exercise."""

from ladder.curriculum.expect import expect_equal


def _grams(padded, n):
    return [tuple(padded[i : i + k]) for k in range(1, n + 1) for i in range(len(padded) - k + 1)]


def _by_position(padded, n):
    return [
        tuple(padded[i : i + k])
        for i in range(len(padded))
        for k in range(1, n + 1)
        if i + k <= len(padded)
    ]


def check_bigrams(submitted, reference):
    """pads with one <s> and one </s> and lists unigrams then bigrams"""
    s = ["a", "b"]
    expect_equal(
        submitted(s, 2),
        reference(s, 2),
        inputs={"sentence": s, "n": 2},
        mistakes=[
            (
                _grams(["a", "b"], 2),
                "pad the sentence first: n - 1 '<s>' before and one '</s>' after",
            ),
            (
                _grams(["<s>", "a", "b"], 2),
                "pad the end too: the model must learn where sentences stop",
            ),
            (
                [g for g in _grams(["<s>", "a", "b", "</s>"], 2) if len(g) == 2],
                "include every order from 1 to n, not only n",
            ),
            (
                _by_position(["<s>", "a", "b", "</s>"], 2),
                "order: all unigrams first, then all bigrams, each left to right",
            ),
        ],
    )


def check_trigrams(submitted, reference):
    """a trigram model pads with two <s> and still one </s>"""
    s = ["i", "am", "sam"]
    expect_equal(
        submitted(s, 3),
        reference(s, 3),
        inputs={"sentence": s, "n": 3},
        mistakes=[
            (
                _grams(["<s>", "i", "am", "sam", "</s>"], 3),
                "pad with n - 1 = 2 '<s>' on the left",
            ),
            (
                _grams(["<s>", "<s>", "i", "am", "sam", "</s>", "</s>"], 3),
                "one '</s>' only: the sentence ends once, whatever the order",
            ),
        ],
    )


def check_unigrams_get_the_end_symbol(submitted, reference):
    """n = 1 puts no <s> before, and one </s> after"""
    s = ["to", "be"]
    expect_equal(
        submitted(s, 1),
        reference(s, 1),
        inputs={"sentence": s, "n": 1},
        mistakes=[([("to",), ("be",)], "even a unigram model scores the end of the sentence")],
    )


def check_empty_sentence(submitted, reference):
    """an empty sentence still has its padding n-grams"""
    expect_equal(submitted([], 3), reference([], 3), inputs={"sentence": [], "n": 3})
