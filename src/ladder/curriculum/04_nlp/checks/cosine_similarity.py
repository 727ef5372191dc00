"""Checks for the cosine-similarity exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_raises, expect_true


def check_small_example(submitted, reference):
    """cos([1,0,1], [1,1,0]) = 0.5"""
    u, v = [1, 0, 1], [1, 1, 0]
    expect_close(
        submitted(u, v),
        reference(u, v),
        inputs={"u": u, "v": v},
        mistakes=[(1.0, "that is the dot product: divide by both norms")],
    )


def check_ignores_length(submitted, reference):
    """scaling a vector does not change the cosine"""
    u = [2.0, 0.0, 1.0, 3.0]
    v = [6.0, 0.0, 3.0, 9.0]
    expect_close(
        submitted(u, v),
        1.0,
        inputs={"u": u, "v": v},
        mistakes=[
            (float(np.dot(u, v)), "divide by the norms ||u|| ||v||"),
            (
                float(np.dot(u, v) / np.dot(u, u)),
                "divide by the product of the two norms, not by ||u||²",
            ),
            (
                float(np.dot(u, v) / (np.dot(u, u) * np.dot(v, v))),
                "take the square root: ||u|| = sqrt(u · u), not u · u",
            ),
        ],
    )


def check_orthogonal_and_opposite(submitted, reference):
    """orthogonal vectors give 0, opposite ones -1"""
    expect_close(submitted([1, 0], [0, 3]), 0.0, inputs={"u": [1, 0], "v": [0, 3]})
    expect_close(
        submitted([1, 2], [-2, -4]),
        -1.0,
        inputs={"u": [1, 2], "v": [-2, -4]},
        mistakes=[(1.0, "do not take absolute values")],
    )


def check_returns_a_float(submitted, reference):
    """returns one float"""
    got = submitted(np.array([1.0, 2.0]), np.array([3.0, 4.0]))
    expect_true(
        np.ndim(got) == 0,
        f"expected one number, got shape {np.shape(got)}",
        inputs={"u": [1.0, 2.0], "v": [3.0, 4.0]},
    )


def check_random_vectors(submitted, reference):
    """matches the formula on random 300-dimensional vectors"""
    rng = np.random.default_rng(0)
    u, v = rng.normal(size=300), rng.normal(size=300)
    expect_close(
        submitted(u, v),
        u @ v / np.linalg.norm(u) / np.linalg.norm(v),
        inputs="two standard-normal vectors of length 300 (seed 0)",
    )


def check_bad_input(submitted, reference):
    """a zero vector or a length mismatch raises ValueError"""
    expect_raises(
        ValueError, submitted, [0, 0, 0], [1, 2, 3], inputs={"u": [0, 0, 0], "v": [1, 2, 3]}
    )
    expect_raises(ValueError, submitted, [1, 2], [1, 2, 3], inputs={"u": [1, 2], "v": [1, 2, 3]})
