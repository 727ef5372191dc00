"""Checks for ROUGE's tokeniser."""

from ladder.curriculum.expect import expect_equal


def drop_first(word):
    """A toy stemmer: drops the first letter (so any word it touches changes)."""
    return word[1:]


def shout(word):
    """A 'stemmer' that returns upper case: its output is not a valid token."""
    return word.upper()


def _check(submitted, reference, text, stemmer=None, mistakes=()):
    expect = reference(text, stemmer)
    expect_equal(
        list(submitted(text, stemmer)),
        expect,
        inputs={"text": text, "stemmer": getattr(stemmer, "__doc__", None)},
        mistakes=mistakes,
    )


def check_lesson_example(submitted, reference):
    """lower-case first, then split on everything that is not a-z0-9"""
    _check(
        submitted,
        reference,
        "The cat's 2 HATS!",
        mistakes=[
            (["he", "cat", "s", "2"], "lower-case before removing non-alphanumeric characters"),
            (
                ["the", "2", "hats"],
                "a word with punctuation inside splits into parts: cat's → cat, s",
            ),
        ],
    )


def check_accents_and_symbols(submitted, reference):
    """accented letters and symbols are separators too"""
    _check(submitted, reference, "Café-au-lait: 3.5% (approx.) — naïve_test")


def check_stemming_only_long_words(submitted, reference):
    """the stemmer applies to words longer than 3 characters only"""
    _check(
        submitted,
        reference,
        "The summaries are short but informative",
        drop_first,
        mistakes=[
            (
                ["he", "ummaries", "re", "hort", "ut", "nformative"],
                "stem only words longer than 3 characters",
            )
        ],
    )


def check_invalid_stems_dropped(submitted, reference):
    """tokens the stemmer makes invalid are dropped"""
    _check(
        submitted,
        reference,
        "ROUGE counts overlapping words",
        shout,
        mistakes=[(["ROUGE", "COUNTS", "OVERLAPPING", "WORDS"], "keep only tokens made of a-z0-9")],
    )


def check_empty(submitted, reference):
    """text without letters or digits gives no tokens"""
    _check(submitted, reference, "  ... !!! --- ")
