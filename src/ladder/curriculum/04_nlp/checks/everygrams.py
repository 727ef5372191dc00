"""Checks for the padded everygrams exercise."""

from ladder.curriculum.expect import expect_equal


def _grams(padded, n):
    return [tuple(padded[i : i + k]) for k in range(1, n + 1) for i in range(len(padded) - k + 1)]


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
                "pad the sentence first: n - 1 '<s>' before and n - 1 '</s>' after",
            ),
            (
                _grams(["<s>", "a", "b"], 2),
                "pad on both ends: the model must learn where sentences stop",
            ),
            (
                [g for g in _grams(["<s>", "a", "b", "</s>"], 2) if len(g) == 2],
                "include every order from 1 to n, not only n",
            ),
            (
                sorted(reference(s, 2), key=lambda g: (g[0], len(g))),
                "order: all unigrams first, then all bigrams, each left to right",
            ),
        ],
    )


def check_trigrams(submitted, reference):
    """a trigram model pads with two symbols on each side"""
    s = ["i", "am", "sam"]
    expect_equal(
        submitted(s, 3),
        reference(s, 3),
        inputs={"sentence": s, "n": 3},
        mistakes=[
            (
                _grams(["<s>", "i", "am", "sam", "</s>"], 3),
                "pad with n - 1 = 2 symbols on each side",
            )
        ],
    )


def check_unigrams_need_no_padding(submitted, reference):
    """n = 1 pads nothing"""
    s = ["to", "be"]
    expect_equal(submitted(s, 1), reference(s, 1), inputs={"sentence": s, "n": 1})


def check_empty_sentence(submitted, reference):
    """an empty sentence still has its padding n-grams"""
    expect_equal(submitted([], 3), reference([], 3), inputs={"sentence": [], "n": 3})
