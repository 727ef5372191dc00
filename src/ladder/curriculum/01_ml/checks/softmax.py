"""Checks for the softmax exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def check_small_example(submitted, reference):
    """[0, ln 3, ln 4] becomes [1/8, 3/8, 1/2]"""
    Z = np.array([[0.0, np.log(3.0), np.log(4.0)], [1.0, 1.0, 2.0]])  # 2 rows, 3 columns
    E = np.exp(Z)
    S = np.exp(Z - Z.max(axis=1, keepdims=True))
    expected = reference(Z.copy())
    expect_close(
        submitted(Z.copy()),
        expected,
        inputs={"Z": Z},
        mistakes=[
            (E / E.sum(), "normalise each row separately: sum over axis=1 with keepdims=True"),
            (
                S / S.sum(),
                "normalise each row separately: sum over axis=1 with keepdims=True",
            ),
            (E / E.sum(axis=0, keepdims=True), "normalise the rows (axis=1), not the columns"),
            (Z / Z.sum(axis=1, keepdims=True), "exponentiate the scores before normalising"),
            (
                S / E.sum(axis=1, keepdims=True),
                "subtract the row maximum in the denominator's exponentials too (or divide "
                "the shifted exponentials by their own sum)",
            ),
        ],
    )


def check_rows_sum_to_one(submitted, reference):
    """every row sums to 1 on random scores"""
    rng = np.random.default_rng(10)
    Z = rng.normal(size=(50, 4)) * 3
    expect_close(
        submitted(Z).sum(axis=1),
        np.ones(50),
        what="the row sums",
        inputs="50 x 4 random scores (seed 10)",
    )


def check_large_scores(submitted, reference):
    """scores of ±1000 do not overflow, whatever each row's maximum"""
    # Rows with very different maxima (1002, 1000, −999): subtracting one global maximum
    # sends the last row to exp(−2000) = 0 and 0 / 0.
    Z = np.array(
        [
            [1000.0, 1001.0, 1002.0, 999.0],
            [-1000.0, 0.0, 1000.0, 500.0],
            [-1000.0, -999.0, -1002.0, -1001.0],
        ]
    )
    expected = reference(Z.copy())
    with np.errstate(all="ignore"):
        E = np.exp(Z)
        naive = E / E.sum(axis=1, keepdims=True)
        G = np.exp(Z - Z.max())
        global_max = G / G.sum(axis=1, keepdims=True)
    expect_close(
        submitted(Z.copy()),
        expected,
        inputs={"Z": Z},
        mistakes=[
            (naive, "exp(1000) overflows to inf; subtract each row's maximum first"),
            (
                global_max,
                "subtract each row's own maximum (axis=1, keepdims=True), not the global "
                "maximum: a row far below it underflows to 0 / 0",
            ),
        ],
    )


def check_shift_invariance(submitted, reference):
    """adding a constant to a row changes nothing"""
    Z = np.array([[1.0, 2.0, 3.0]])
    expect_close(submitted(Z + 100.0), submitted(Z), rtol=1e-12, inputs={"Z": Z, "shift": 100.0})
