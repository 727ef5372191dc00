"""Checks for the reweighing exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def check_worked_example(submitted, reference):
    """the lesson's example: weights 0.75 and 1.5"""
    y, g = [1, 1, 0, 1, 0, 0], ["a", "a", "a", "b", "b", "b"]
    expected = reference(list(y), list(g))
    expect_close(
        submitted(list(y), list(g)),
        expected,
        inputs={"y": y, "sensitive_features": g},
        mistakes=[
            (1 / expected, "you inverted the ratio: it is P(a)P(y) / P(a, y)"),
            (
                expected / 6,
                "the weights should sum to n, not 1: use counts, not "
                "probabilities, for P(a)P(y)/P(a,y) = n_a n_y / (n n_ay)",
            ),
        ],
    )


def check_equalises_groups(submitted, reference):
    """under the weights, every group has the overall positive rate"""
    rng = np.random.default_rng(3)
    g = rng.choice(["f", "m", "n"], 500, p=[0.5, 0.3, 0.2])
    y = (rng.random(500) < np.select([g == "f", g == "m"], [0.2, 0.6], 0.4)).astype(int)
    expected = reference(y.copy(), g.copy())
    got = np.asarray(submitted(y.copy(), g.copy()), dtype=float)
    expect_close(got, expected, inputs="500 people in groups f, m, n (seed 3)")


def check_existing_weights(submitted, reference):
    """counts with the existing sample weights and multiplies them in"""
    y = [1, 0, 0, 1, 1, 0, 1]
    g = [0, 0, 0, 1, 1, 1, 1]
    w = [2.0, 0.5, 1.0, 1.0, 3.0, 0.5, 1.5]
    expected = reference(list(y), list(g), list(w))
    plain = reference(list(y), list(g))
    expect_close(
        submitted(list(y), list(g), list(w)),
        expected,
        inputs={"y": y, "sensitive_features": g, "sample_weight": w},
        mistakes=[
            (plain, "you ignored sample_weight: count with it and multiply it in"),
            (plain * np.array(w), "count the cells with the sample weights too, not with 1s"),
        ],
    )
