"""Checks for the sigmoid exercise."""

import warnings

import numpy as np

from ladder.curriculum.expect import expect_close, expect_true


def check_known_values(submitted, reference):
    """σ(0) = 0.5, σ(2) ≈ 0.881, σ(−2) ≈ 0.119"""
    z = np.array([0.0, 2.0, -2.0])
    expect_close(
        submitted(z),
        reference(z),
        inputs={"z": z},
        mistakes=[
            (1 / (1 + np.exp(z)), "the exponent is −z: σ(z) = 1 / (1 + e^(−z))"),
            (np.exp(-z) / (1 + np.exp(-z)), "that is 1 − σ(z); σ(z) = 1 / (1 + e^(−z))"),
        ],
    )


def check_shape(submitted, reference):
    """keeps the shape of a 2-D input"""
    z = np.arange(-3.0, 3.0).reshape(2, 3)
    expect_close(submitted(z), reference(z), inputs={"z": z})


def check_extremes_without_overflow(submitted, reference):
    """σ(±1000) is 1 and 0 with no overflow warning"""
    z = np.array([-1000.0, -50.0, 50.0, 1000.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        try:
            got = submitted(z)
        except (RuntimeWarning, FloatingPointError) as exc:
            expect_true(
                False,
                f"computing σ raised {type(exc).__name__}: {exc}",
                inputs={"z": z},
                misconception="np.exp of a large positive number overflows; only exponentiate −|z|",
            )
            return
    expect_close(
        got,
        reference(z),
        atol=1e-300,
        inputs={"z": z},
        mistakes=[
            (
                np.array([np.nan, 0.0, 1.0, 1.0]),
                "an overflow turned into nan; only exponentiate −|z|",
            )
        ],
    )


def check_symmetry(submitted, reference):
    """σ(−z) = 1 − σ(z)"""
    z = np.linspace(-8.0, 8.0, 33)
    expect_close(
        submitted(-z), 1 - submitted(z), rtol=1e-12, atol=1e-15, inputs="33 points in [−8, 8]"
    )
