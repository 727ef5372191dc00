"""Checks for the ROC AUC exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def check_small_example(submitted, reference):
    """3 of the 4 positive–negative pairs are ranked correctly"""
    y, s = [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]
    expect_close(
        submitted(y, s),
        reference(y, s),
        inputs={"y_true": y, "y_score": s},
        mistakes=[
            (0.25, "count pairs where the POSITIVE scores higher than the negative"),
            (3.0, "divide the count by the number of pairs P·N"),
            (0.75 * 4 / 6, "compare only positive–negative pairs, not all pairs of samples"),
        ],
    )


def check_ties(submitted, reference):
    """a tie between a positive and a negative counts one half"""
    y, s = [0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9]
    expect_close(
        submitted(y, s),
        reference(y, s),
        inputs={"y_true": y, "y_score": s},
        mistakes=[(0.75, "ties count 1/2, not 0"), (1.0, "ties count 1/2, not 1")],
    )


def check_perfect_and_reversed(submitted, reference):
    """1 for a perfect ranking, 0 for a reversed one"""
    y, s = [0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4]
    expect_close(submitted(y, s), 1.0, inputs={"y_true": y, "y_score": s})
    expect_close(submitted(y, s[::-1]), 0.0, inputs={"y_true": y, "y_score": s[::-1]})


def check_random_scores(submitted, reference):
    """matches the trapezoidal ROC area on 300 random scores with ties"""
    rng = np.random.default_rng(18)
    y = rng.integers(2, size=300)
    s = np.round(rng.normal(size=300) + y, 1)  # rounding makes ties
    expect_close(
        submitted(y, s),
        reference(y, s),
        rtol=1e-10,
        inputs="300 labels, scores normal + label rounded to 0.1 (seed 18)",
    )
