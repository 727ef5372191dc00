"""Checks for the demographic-parity-ratio exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def check_worked_example(submitted, reference):
    """the lesson's example: rates 2/4 and 3/4 give 0.667"""
    y = [1, 1, 0, 0, 1, 1, 0, 0]
    p = [1, 0, 1, 0, 1, 1, 1, 0]
    g = ["a"] * 4 + ["b"] * 4
    expected = reference(list(y), list(p), sensitive_features=list(g))
    expect_close(
        submitted(list(y), list(p), sensitive_features=list(g)),
        expected,
        inputs={"y_true": y, "y_pred": p, "sensitive_features": g},
        mistakes=[
            (0.75 / 0.5, "divide the smallest rate by the largest, not the other way round"),
            (0.25, "that is the difference of the rates; take their ratio"),
            (0.5 / 0.625, "compare the groups with each other, not with the overall rate"),
        ],
    )


def check_three_groups(submitted, reference):
    """takes the smallest over the largest across three groups of different sizes"""
    rng = np.random.default_rng(1)
    g = rng.choice(["p", "q", "r"], 300, p=[0.2, 0.3, 0.5])
    p = (rng.random(300) < np.select([g == "p", g == "q"], [0.2, 0.5], 0.7)).astype(int)
    y = rng.integers(0, 2, 300)
    expected = reference(y.copy(), p.copy(), sensitive_features=g.copy())
    expect_close(
        submitted(y.copy(), p.copy(), sensitive_features=g.copy()),
        expected,
        inputs="300 people in groups p, q, r with selection rates near 0.2, 0.5, 0.7",
    )


def check_nobody_selected(submitted, reference):
    """returns 1.0 when no group has anyone selected (0/0 counts as equal)"""
    expect_close(
        submitted([0, 1, 0, 1], [0, 0, 0, 0], sensitive_features=["a", "a", "b", "b"]),
        1.0,
        inputs={"y_pred": [0, 0, 0, 0], "sensitive_features": ["a", "a", "b", "b"]},
    )
