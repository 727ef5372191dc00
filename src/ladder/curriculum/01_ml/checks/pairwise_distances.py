"""Checks for the pairwise-distances exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_shape


def check_three_four_five(submitted, reference):
    """the distance from (0, 0) to (3, 4) is 5"""
    A, B = np.array([[0.0, 0.0]]), np.array([[3.0, 4.0], [0.0, 0.0]])
    expect_close(
        submitted(A, B),
        reference(A, B),
        inputs={"A": A, "B": B},
        mistakes=[
            (np.array([[25.0, 0.0]]), "take the square root of the summed squares"),
            (
                np.array([[7.0, 0.0]]),
                "that is the Manhattan distance (p = 1); square the differences for p = 2",
            ),
        ],
    )


def check_shape(submitted, reference):
    """returns an (n_a, n_b) matrix"""
    rng = np.random.default_rng(11)
    A, B = rng.normal(size=(4, 3)), rng.normal(size=(6, 3))
    D = submitted(A, B)
    expect_shape(D, (4, 6), inputs="A of shape (4, 3), B of shape (6, 3)")
    expect_close(D, reference(A, B), inputs="A (4, 3), B (6, 3) standard normal (seed 11)")


def check_manhattan(submitted, reference):
    """p = 1 sums absolute differences"""
    rng = np.random.default_rng(12)
    A, B = rng.normal(size=(5, 2)), rng.normal(size=(3, 2))
    expect_close(submitted(A, B, p=1), reference(A, B, p=1), inputs="A (5, 2), B (3, 2), p = 1")


def check_p3(submitted, reference):
    """a general p = 3"""
    rng = np.random.default_rng(13)
    A, B = rng.normal(size=(3, 4)), rng.normal(size=(2, 4))
    expect_close(submitted(A, B, p=3), reference(A, B, p=3), inputs="A (3, 4), B (2, 4), p = 3")


def check_same_points(submitted, reference):
    """a point's distance to itself is 0, not nan"""
    A = np.array([[1e8, 1.0], [3.0, -2.0]])
    # The matrix-product identity loses digits at 1e8; 1e-3 absolute still catches nan.
    expect_close(
        np.diag(submitted(A, A)),
        [0.0, 0.0],
        rtol=0,
        atol=1e-3,
        what="the diagonal",
        inputs={"A": A, "B": A},
        mistakes=[
            (
                np.array([np.nan, 0.0]),
                "rounding made a squared distance slightly negative; clip at 0 before np.sqrt",
            )
        ],
    )
