"""Checks for the softmax exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def check_small_example(submitted, reference):
    """[0, ln 3] becomes [0.25, 0.75]"""
    Z = np.array([[0.0, np.log(3.0)], [1.0, 1.0]])
    E = np.exp(Z)
    expect_close(
        submitted(Z),
        reference(Z),
        inputs={"Z": Z},
        mistakes=[
            (E / E.sum(), "normalise each row separately: sum over axis=1 with keepdims=True"),
            (E / E.sum(axis=0, keepdims=True), "normalise the rows (axis=1), not the columns"),
            (Z / Z.sum(axis=1, keepdims=True), "exponentiate the scores before normalising"),
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
    """scores of 1000 do not overflow"""
    Z = np.array([[1000.0, 1001.0, 1002.0], [-1000.0, 0.0, 1000.0]])
    expect_close(
        submitted(Z),
        reference(Z),
        inputs={"Z": Z},
        mistakes=[
            (
                np.full((2, 3), np.nan),
                "exp(1000) overflows to inf; subtract each row's maximum first",
            )
        ],
    )


def check_shift_invariance(submitted, reference):
    """adding a constant to a row changes nothing"""
    Z = np.array([[1.0, 2.0, 3.0]])
    expect_close(submitted(Z + 100.0), submitted(Z), rtol=1e-12, inputs={"Z": Z, "shift": 100.0})
