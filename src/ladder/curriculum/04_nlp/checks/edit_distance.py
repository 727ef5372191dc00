"""Checks for the edit-distance exercise."""

import random

from ladder.curriculum.expect import expect_equal


def _hamming_plus(a, b):
    return sum(x != y for x, y in zip(a, b, strict=False)) + abs(len(a) - len(b))


def check_kitten_sitting(submitted, reference):
    """kitten -> sitting costs 3"""
    expect_equal(
        submitted("kitten", "sitting"),
        reference("kitten", "sitting"),
        inputs={"a": "kitten", "b": "sitting"},
        mistakes=[
            (
                5,
                "a substitution costs substitution_cost (1 by default), not 2: k→s and e→i "
                "are one edit each",
            )
        ],
    )


def check_alignment_matters(submitted, reference):
    """finds the best alignment, not position-by-position differences"""
    a, b = "flaw", "lawn"
    expect_equal(
        submitted(a, b),
        reference(a, b),
        inputs={"a": a, "b": b},
        mistakes=[
            (
                _hamming_plus(a, b),
                "comparing letters at the same positions misses insertions and deletions: "
                "use the DP table",
            )
        ],
    )
    a, b = "intention", "execution"
    expect_equal(submitted(a, b), reference(a, b), inputs={"a": a, "b": b})


def check_empty_strings(submitted, reference):
    """distance to the empty string is the length"""
    for a, b in [("", ""), ("", "abc"), ("abcd", "")]:
        expect_equal(
            submitted(a, b),
            reference(a, b),
            inputs={"a": a, "b": b},
            mistakes=[(0, "initialise the first row and column: D[i][0] = i and D[0][j] = j")],
        )


def check_substitution_cost(submitted, reference):
    """substitution_cost=2 makes a substitution as dear as a deletion plus an insertion"""
    a, b = "intention", "execution"
    expect_equal(
        submitted(a, b, substitution_cost=2),
        reference(a, b, substitution_cost=2),
        inputs={"a": a, "b": b, "substitution_cost": 2},
        mistakes=[(reference(a, b), "use substitution_cost for a mismatch instead of 1")],
    )
    for a, b in [("", "abc"), ("abcd", ""), ("ab", "abcde")]:
        expect_equal(
            submitted(a, b, substitution_cost=2),
            reference(a, b, substitution_cost=2),
            inputs={"a": a, "b": b, "substitution_cost": 2},
            mistakes=[
                (
                    2 * reference(a, b),
                    "the first row and column count insertions and deletions, 1 each: "
                    "D[i][0] = i whatever substitution_cost is",
                )
            ],
        )


def check_token_lists(submitted, reference):
    """works on lists of words too"""
    a, b = "the cat sat on the mat".split(), "the cat sat on a mat today".split()
    expect_equal(submitted(a, b), reference(a, b), inputs={"a": a, "b": b})


def check_random_strings(submitted, reference):
    """matches the reference on 200 random pairs of short strings"""
    rng = random.Random(0)
    for _ in range(200):
        a = "".join(rng.choice("abc") for _ in range(rng.randint(0, 7)))
        b = "".join(rng.choice("abc") for _ in range(rng.randint(0, 7)))
        expect_equal(submitted(a, b), reference(a, b), inputs={"a": a, "b": b})
