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


def _flags(word):
    flags = []
    for i, ch in enumerate(word):
        flags.append(ch not in "aeiou" and not (ch == "y" and i > 0 and flags[i - 1]))
    return flags


def _vowels(word):
    return sum(1 for f in _flags(word) if not f)


def _vowel_runs(word):
    f = _flags(word)
    return sum(1 for i in range(len(f)) if not f[i] and (i == 0 or f[i - 1]))


def _cv(word):
    f = _flags(word)
    return sum(1 for a, b in zip(f, f[1:], strict=False) if a and not b)


def check_porters_examples(submitted, reference):
    """gives the measures listed in Porter's paper"""
    expect_equal(
        [submitted(w) for w in PORTER_EXAMPLES],
        [reference(w) for w in PORTER_EXAMPLES],
        inputs={"words": PORTER_EXAMPLES},
        mistakes=[
            (
                [_vowels(w) for w in PORTER_EXAMPLES],
                "m counts the VC pairs (a vowel followed by a consonant), not vowel letters: "
                "tree has two vowels but m = 0",
            ),
            (
                [_vowel_runs(w) for w in PORTER_EXAMPLES],
                "count a vowel run only when a consonant follows it: tree ends in ee, m = 0",
            ),
            (
                [_cv(w) for w in PORTER_EXAMPLES],
                "count a vowel followed by a consonant (VC), not a consonant followed by a "
                "vowel (CV): tree is CCVV, m = 0",
            ),
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
    words = ["toy", "yes", "syzygy", "youth", "happy", "players", "ytterbium", "yttria"]
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


def check_the_y_rule_letter_by_letter(submitted, reference):
    """decides each y from the previous letter's role, not its spelling"""
    words = ["yyy", "cyyc", "sayyid", "ayyub"]
    expect_equal(
        [submitted(w) for w in words],
        [reference(w) for w in words],
        inputs={"words": words},
        mistakes=[
            (
                [_measure_spelled(w) for w in words],
                "a y after a *vowel* y is a consonant: look at the previous letter's flag "
                "(consonant or vowel), not whether it is spelled a, e, i, o or u",
            )
        ],
    )


def _measure_spelled(word):
    flags = []
    for i, ch in enumerate(word):
        flags.append(ch not in "aeiou" and not (ch == "y" and i > 0 and word[i - 1] not in "aeiou"))
    return sum(1 for a, b in zip(flags, flags[1:], strict=False) if not a and b)
