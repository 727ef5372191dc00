"""Checks for the pairwise-distances exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_shape, expect_true


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
    diff = A[:, None, :] - B[None, :, :]
    expected = reference(A.copy(), B.copy(), p=1)
    expect_close(
        submitted(A.copy(), B.copy(), p=1),
        expected,
        inputs="A (5, 2), B (3, 2), p = 1",
        mistakes=[
            (
                np.sqrt((diff**2).sum(-1)),
                "that is the Euclidean distance: use the p argument (p = 1 sums |a − b|)",
            ),
            (diff.sum(-1), "take |a − b| before the power: signed differences cancel"),
        ],
    )


def check_p3(submitted, reference):
    """a general p = 3"""
    rng = np.random.default_rng(13)
    A, B = rng.normal(size=(3, 4)), rng.normal(size=(2, 4))
    diff = A[:, None, :] - B[None, :, :]
    with np.errstate(invalid="ignore"):
        signed = (diff**3).sum(-1) ** (1 / 3)
    expected = reference(A.copy(), B.copy(), p=3)
    expect_close(
        submitted(A.copy(), B.copy(), p=3),
        expected,
        inputs="A (3, 4), B (2, 4), p = 3",
        mistakes=[
            ((np.abs(diff) ** 3).sum(-1), "take the p-th root of the sum: (…) ** (1 / p)"),
            (np.sqrt((diff**2).sum(-1)), "that is the Euclidean distance: use the p argument"),
            (signed, "take |a − b| before the power: an odd power keeps the sign"),
        ],
    )


def check_same_points(submitted, reference):
    """a point's distance to itself is 0, not nan"""
    # ‖a‖² − 2aᵀa + ‖a‖² rounds to about −3.6e-15 for the first point and −2.3e-10 for
    # the second and third: without clipping at 0, np.sqrt gives nan.
    A = np.array([[0.2, 3.7], [0.3, 1000.1], [1.1, 1000.1], [3.0, -2.0], [1e8, 1.0]])
    got = np.diag(np.asarray(submitted(A.copy(), A.copy()), dtype=float))
    expect_true(
        not np.isnan(got).any(),
        "a distance of a point to itself is nan",
        inputs={"A": A, "B": A},
        misconception="rounding made a squared distance slightly negative; clip at 0 "
        "before np.sqrt",
    )
    # The matrix-product identity loses digits at 1e8; 1e-3 absolute is far below any
    # real distance here.
    expect_close(got, np.zeros(5), rtol=0, atol=1e-3, what="the diagonal", inputs={"A": A, "B": A})
