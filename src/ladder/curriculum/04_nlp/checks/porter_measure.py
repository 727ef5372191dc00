"""Checks for Porter's measure."""

from ladder.curriculum.expect import expect_equal

PORTER_EXAMPLES = [
    "tr",
    "ee",
    "tree",
    "y",
    "by",
    "trouble",
    "oats",
    "trees",
    "ivy",
    "troubles",
    "private",
    "oaten",
    "orrery",
]


def _measure(word, y_is_vowel):
    flags = [not (ch in "aeiou" or (ch == "y" and y_is_vowel)) for ch in word]
    return sum(1 for a, b in zip(flags, flags[1:], strict=False) if not a and b)


def check_porters_examples(submitted, reference):
    """gives the measures listed in Porter's paper"""
    expect_equal(
        [submitted(w) for w in PORTER_EXAMPLES],
        [reference(w) for w in PORTER_EXAMPLES],
        inputs={"words": PORTER_EXAMPLES},
        mistakes=[
            (
                [_measure(w, True) for w in PORTER_EXAMPLES],
                "a y is a consonant at the start of a word (y, yes) and after a vowel (toy)",
            ),
            (
                [_measure(w, False) for w in PORTER_EXAMPLES],
                "a y after a consonant is a vowel (ivy: i-v-y is V C V)",
            ),
        ],
    )


def check_the_y_rule(submitted, reference):
    """treats y as a consonant at the start and after a vowel, a vowel after a consonant"""
    words = ["toy", "yes", "syzygy", "youth", "happy", "players"]
    expect_equal(
        [submitted(w) for w in words],
        [reference(w) for w in words],
        inputs={"words": words},
        mistakes=[
            (
                [_measure(w, True) for w in words],
                "a y is a consonant at the start of a word and after a vowel (toy, yes)",
            ),
            (
                [_measure(w, False) for w in words],
                "a y after a consonant is a vowel (syzygy, happy)",
            ),
        ],
    )


def check_longer_words(submitted, reference):
    """works on long words"""
    words = ["generalization", "relational", "electricity", "hopefulness", "a", ""]
    expect_equal(
        [submitted(w) for w in words], [reference(w) for w in words], inputs={"words": words}
    )
