"""Checks for the variance-inflation-factor exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def _design():
    rng = np.random.default_rng(7)
    a = rng.normal(size=100)
    b = a + 0.3 * rng.normal(size=100)  # strongly tied to a
    c = rng.normal(size=100)
    return np.c_[np.ones(100), a, b, c]


def check_collinear_column(submitted, reference):
    """a column that is nearly a copy of another has a large VIF"""
    X = _design()
    target, others = X[:, 1], np.delete(X, 1, axis=1)
    fit = others @ np.linalg.lstsq(others, target, rcond=None)[0]
    ss_res = np.sum((target - fit) ** 2)
    r2 = 1 - ss_res / np.sum((target - target.mean()) ** 2)
    expect_close(
        submitted(X, 1),
        reference(X, 1),
        rtol=1e-9,
        inputs="X = [1, a, b, c] with b = a + 0.3·noise (100 rows, seed 7); index 1",
        mistakes=[
            (r2, "that is R²_j; the VIF is 1 / (1 − R²_j)"),
            (1 - r2, "that is 1 − R²_j; take its reciprocal"),
            (1 / (1 - r2**2), "R²_j is already squared: 1 / (1 − R²_j)"),
        ],
    )


def check_independent_column(submitted, reference):
    """an unrelated column has a VIF close to 1"""
    X = _design()
    expect_close(
        submitted(X, 3),
        reference(X, 3),
        rtol=1e-9,
        inputs="the same X; index 3 (an independent column)",
    )


def check_negative_index(submitted, reference):
    """index -1 means the last column, as in Python"""
    X = _design()
    expect_close(submitted(X, -1), reference(X, -1), rtol=1e-9, inputs="the same X; index -1")
