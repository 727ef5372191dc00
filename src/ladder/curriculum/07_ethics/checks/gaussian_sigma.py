"""Checks for the Gaussian-mechanism exercise."""

import math

from ladder.curriculum.expect import expect_close, expect_raises


def check_lesson_value(submitted, reference):
    """Δ = 1, ε = 0.5, δ = 1e-5 gives σ = 9.69"""
    expected = reference(1.0, 0.5, 1e-5)
    expect_close(
        submitted(1.0, 0.5, 1e-5),
        expected,
        inputs={"sensitivity": 1, "epsilon": 0.5, "delta": 1e-5},
        mistakes=[
            (math.sqrt(2 * math.log(1 / 1e-5)) / 0.5, "it is ln(1.25/δ), not ln(1/δ)"),
            (2 * math.log(1.25 / 1e-5) / 0.5, "take the square root of 2 ln(1.25/δ)"),
            (math.sqrt(2 * math.log(1.25 / 1e-5)) * 0.5, "divide by ε, do not multiply"),
        ],
    )


def check_scales_with_sensitivity(submitted, reference):
    """σ grows linearly with the sensitivity and like 1/ε"""
    for args in ((3.5, 0.9, 1e-6), (0.2, 0.05, 1e-3)):
        expect_close(
            submitted(*args),
            reference(*args),
            inputs=dict(zip(("sensitivity", "epsilon", "delta"), args, strict=True)),
        )


def check_bad_arguments(submitted, reference):
    """raises ValueError outside the bound's range"""
    for args in (
        (1.0, 2.0, 1e-5),
        (1.0, 0.0, 1e-5),
        (1.0, 0.5, 0.0),
        (1.0, 0.5, 1.0),
        (0.0, 0.5, 1e-5),
    ):
        expect_raises(
            ValueError,
            submitted,
            *args,
            inputs=dict(zip(("sensitivity", "epsilon", "delta"), args, strict=True)),
        )
