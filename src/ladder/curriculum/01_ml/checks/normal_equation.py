"""Checks for the normal-equations exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_equal


def check_exact_line(submitted, reference):
    """recovers intercept 1 and slope 2 from points on y = 1 + 2x"""
    X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]])
    y = 1.0 + 2.0 * X[:, 1]
    expect_close(
        submitted(X, y),
        [1.0, 2.0],
        inputs={"X": X, "y": y},
        mistakes=[(X.T @ y, "that is X^T y; solve the system X^T X w = X^T y for w")],
    )


def check_shape(submitted, reference):
    """returns one weight per column of X"""
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(20, 3)), rng.normal(size=20)
    expect_equal(
        np.shape(submitted(X, y)),
        (3,),
        what="the shape of w",
        inputs="X of shape (20, 3), y of shape (20,)",
        mistakes=[
            ((4,), "X already contains its column of ones (when one is wanted); do not add one"),
            ((3, 20), "multiply by y with @ (a matrix product), not element-wise with *"),
        ],
    )


def check_matches_least_squares(submitted, reference):
    """equals np.linalg.lstsq on a random over-determined system"""
    rng = np.random.default_rng(2)
    X = np.c_[np.ones(50), rng.normal(size=(50, 4))]
    y = X @ np.array([0.5, -1.0, 2.0, 0.0, 3.0]) + rng.normal(scale=0.1, size=50)
    # Both solve the same well-conditioned 5x5 problem; 1e-8 leaves room for the
    # rounding of X^T X (condition number about 2) against lstsq's SVD.
    expect_close(
        submitted(X, y),
        np.linalg.lstsq(X, y, rcond=None)[0],
        rtol=1e-8,
        inputs=(
            "X: ones and 4 standard-normal columns (50 rows, seed 2); "
            "y = X @ [0.5, -1, 2, 0, 3] + noise"
        ),
    )
