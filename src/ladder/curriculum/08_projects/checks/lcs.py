"""Checks for the longest common subsequence."""

from ladder.curriculum.expect import expect_equal


def _both(submitted, reference, a, b, mistakes=()):
    expect_equal(
        int(submitted(a.split(), b.split())),
        reference(a.split(), b.split()),
        inputs={"a": a, "b": b},
        mistakes=mistakes,
    )


def check_lesson_example(submitted, reference):
    """the lesson's two sentences share 4 words in order"""
    _both(
        submitted,
        reference,
        "the cat sat on the mat",
        "the cat lay on a mat",
        [(2, "a subsequence may skip words: this is the longest common *substring*")],
    )


def check_gaps(submitted, reference):
    """gaps are allowed, order matters"""
    _both(submitted, reference, "a b c d e", "a c e")
    _both(
        submitted,
        reference,
        "b a",
        "a b",
        [(2, "order matters: count common words only in the same order")],
    )


def check_greedy_fails(submitted, reference):
    """matching the first possible word greedily is not enough"""
    _both(
        submitted,
        reference,
        "x a b",
        "a b x",
        [(1, "taking the first match greedily can block a longer subsequence: use the table")],
    )
    _both(submitted, reference, "q w e r t y", "w q e t r y")


def check_empty_and_unequal_lengths(submitted, reference):
    """an empty side gives 0; sides of different lengths"""
    expect_equal(int(submitted([], ["a"])), 0, inputs={"a": [], "b": ["a"]})
    _both(submitted, reference, "a b a b a b a", "b a b")
