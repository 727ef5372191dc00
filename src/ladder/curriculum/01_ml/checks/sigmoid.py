"""Checks for the sigmoid exercise."""

import warnings

import numpy as np

from ladder.curriculum.expect import drive, expect_close, expect_true


def check_known_values(submitted, reference):
    """σ(0) = 0.5, σ(2) ≈ 0.881, σ(−2) ≈ 0.119"""
    z = np.array([0.0, 2.0, -2.0])
    expect_close(
        submitted(z),
        reference(z),
        inputs={"z": z},
        mistakes=[
            (
                1 / (1 + np.exp(z)),
                "that is 1 − σ(z) = σ(−z): the exponent is −z, σ(z) = 1 / (1 + e^(−z)), "
                "and for z < 0 the form e^z / (1 + e^z)",
            ),
        ],
    )


def check_shape(submitted, reference):
    """keeps the shape of a 2-D input"""
    z = np.arange(-3.0, 3.0).reshape(2, 3)
    expect_close(submitted(z), reference(z), inputs={"z": z})


def with_warnings(fn, z):
    """``fn(z)`` and the messages of the RuntimeWarnings it raised (NumPy's overflow
    warnings); a driver, run beside the learner's code."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = np.asarray(fn(z), dtype=float)
    return out, [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]


def check_extremes_without_overflow(submitted, reference):
    """σ(±1000) is 1 and 0 with no overflow warning"""
    z = np.array([-1000.0, -50.0, 50.0, 1000.0])
    expected = reference(z.copy())
    with np.errstate(all="ignore"):
        naive = np.exp(z) / (1 + np.exp(z))
    got, warned = drive(submitted, with_warnings, z.copy())
    expect_true(
        not warned,
        f"computing σ warned: {warned[0] if warned else ''}",
        inputs={"z": z},
        misconception="np.exp of a large positive number overflows; only exponentiate −|z|",
    )
    expect_close(
        got,
        expected,
        atol=1e-300,
        inputs={"z": z},
        mistakes=[
            (naive, "an overflow turned into nan (inf / inf); only exponentiate −|z|"),
            (
                np.array([0.0, 0.0, 1.0, 1.0]),
                "σ(−50) ≈ 2e-22 is not 0: do not clip z or round small values away",
            ),
        ],
    )


def check_symmetry(submitted, reference):
    """σ(−z) = 1 − σ(z)"""
    z = np.linspace(-8.0, 8.0, 33)
    expect_close(
        submitted(-z), 1 - submitted(z), rtol=1e-12, atol=1e-15, inputs="33 points in [−8, 8]"
    )
