"""Checks for the variance-inflation-factor exercise.

The features have means far from zero (5, 5, -3), so an SS_tot taken around 0 instead of
the mean, or a fit without the ones column, gives a clearly different VIF.
"""

import numpy as np

# The reference fits with ladder's OLS, which imports scipy.stats on first use (seconds
# on a busy machine). Importing it here does that while the grader prepares, before the
# clock of the learner's checks starts.
import scipy.stats  # noqa: F401

from ladder.curriculum.expect import expect_close


def _design():
    rng = np.random.default_rng(7)
    a = rng.normal(5.0, 1.0, size=100)
    b = a + 0.3 * rng.normal(size=100)  # strongly tied to a
    c = rng.normal(-3.0, 2.0, size=100)
    return np.c_[np.ones(100), a, b, c]


def _r2(X, index, centred=True, with_ones=True):
    target, others = X[:, index], np.delete(X, index, axis=1)
    if not with_ones:
        others = others[:, 1:]
    fit = others @ np.linalg.lstsq(others, target, rcond=None)[0]
    ss_tot = np.sum((target - target.mean()) ** 2) if centred else np.sum(target**2)
    return 1 - np.sum((target - fit) ** 2) / ss_tot


def check_collinear_column(submitted, reference):
    """a column that is nearly a copy of another has a large VIF"""
    X = _design()
    expected = reference(X.copy(), 1)
    r2 = _r2(X, 1)
    expect_close(
        submitted(X.copy(), 1),
        expected,
        rtol=1e-9,
        inputs="X = [1, a, b, c] with a ~ N(5, 1), b = a + 0.3·noise, c ~ N(-3, 2) "
        "(100 rows, seed 7); index 1",
        mistakes=[
            (r2, "that is R²_j; the VIF is 1 / (1 − R²_j)"),
            (1 - r2, "that is 1 − R²_j; take its reciprocal"),
            (1 / (1 - r2**2), "R²_j is already squared: 1 / (1 − R²_j)"),
            (
                1 / (1 - _r2(X, 1, centred=False)),
                "SS_tot is taken around 0; take it around the mean of column j",
            ),
            (
                1 / (1 - _r2(X, 1, with_ones=False)),
                "the ones column was left out of the regressors; keep it among the others",
            ),
        ],
    )


def check_independent_column(submitted, reference):
    """an unrelated column has a VIF close to 1"""
    X = _design()
    expected = reference(X.copy(), 3)
    expect_close(
        submitted(X.copy(), 3),
        expected,
        rtol=1e-9,
        inputs="the same X; index 3 (an independent column)",
        mistakes=[
            (
                1 / (1 - _r2(X, 3, centred=False)),
                "SS_tot is taken around 0; take it around the mean of column j",
            ),
        ],
    )


def check_negative_index(submitted, reference):
    """index -1 means the last column, as in Python"""
    X = _design()
    expected = reference(X.copy(), -1)
    expect_close(submitted(X.copy(), -1), expected, rtol=1e-9, inputs="the same X; index -1")
