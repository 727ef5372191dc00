"""Checks for the threshold-for-a-selection-rate exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_raises

SCORES = [0.1, 0.9, 0.5, 0.7, 0.3]


def check_midpoint(submitted, reference):
    """selecting 2 of 5 puts the threshold between the 2nd and 3rd highest scores"""
    desc = sorted(SCORES, reverse=True)
    expect_close(
        submitted(list(SCORES), 0.4),
        reference(list(SCORES), 0.4),
        inputs={"scores": SCORES, "rate": 0.4},
        mistakes=[
            (desc[2], "return the midpoint of the k-th and (k+1)-th highest scores"),
            (desc[1], "return the midpoint of the k-th and (k+1)-th highest scores"),
            (
                (sorted(SCORES)[1] + sorted(SCORES)[2]) / 2,
                "sort from highest to lowest: the selected are the top scores",
            ),
        ],
    )


def check_selects_the_rate(submitted, reference):
    """on 1,000 scores the threshold selects round(rate · n) people"""
    s = np.random.default_rng(4).normal(size=1000)
    for rate in (0.123, 0.5, 0.8765):
        t = submitted(s.copy(), rate)
        expect_close(
            np.sum(s > t),
            round(rate * 1000),
            inputs=f"1,000 normal scores, rate {rate}",
            what="the number of scores above your threshold",
        )
        expect_close(t, reference(s.copy(), rate), inputs=f"1,000 normal scores, rate {rate}")


def check_edges(submitted, reference):
    """rate 0 gives +inf and rate 1 gives −inf"""
    expect_close(submitted(list(SCORES), 0.0), np.inf, inputs={"scores": SCORES, "rate": 0.0})
    expect_close(submitted(list(SCORES), 1.0), -np.inf, inputs={"scores": SCORES, "rate": 1.0})


def check_bad_rate(submitted, reference):
    """raises ValueError for a rate outside [0, 1]"""
    expect_raises(ValueError, submitted, list(SCORES), 1.5, inputs={"rate": 1.5})
