"""Checks for the skewness exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def check_symmetric(submitted, reference):
    """a symmetric sample has skewness 0"""
    x = [1.0, 2.0, 3.0, 4.0, 5.0]
    expect_close(submitted(x), 0.0, atol=1e-12, inputs={"x": x})


def check_small_example(submitted, reference):
    """m3 / m2^1.5 on a right-skewed sample"""
    x = np.array([1.0, 2.0, 10.0])
    n, d = x.size, x - x.mean()
    m2, m3 = np.mean(d**2), np.mean(d**3)
    expect_close(
        submitted(x),
        reference(x),
        inputs={"x": x},
        mistakes=[
            (
                m3 / np.std(x, ddof=1) ** 3,
                "use the population moment m2 (divide by n), not the n − 1 standard deviation",
            ),
            (m3, "divide m3 by m2 ** 1.5"),
            (m3 / m2**2, "the denominator is m2 ** 1.5 (the cube of the standard deviation)"),
            (np.mean(x**3) / np.mean(x**2) ** 1.5, "subtract the mean first: central moments"),
            (
                m3 / m2**1.5 * np.sqrt(n * (n - 1)) / (n - 2),
                "bias=True is the plain g1: apply sqrt(n(n−1))/(n−2) only when bias is False",
            ),
        ],
    )


def check_unbiased(submitted, reference):
    """bias=False applies sqrt(n(n-1))/(n-2)"""
    rng = np.random.default_rng(8)
    x = rng.exponential(size=40)
    expect_close(
        submitted(x, bias=False),
        reference(x, bias=False),
        inputs="40 exponential draws (seed 8), bias=False",
        mistakes=[(reference(x), "with bias=False multiply g1 by sqrt(n(n−1))/(n−2)")],
    )


def check_random(submitted, reference):
    """matches the reference on 1,000 exponential draws"""
    rng = np.random.default_rng(9)
    x = rng.exponential(size=1000)
    expect_close(submitted(x), reference(x), inputs="1,000 exponential draws (seed 9)")
