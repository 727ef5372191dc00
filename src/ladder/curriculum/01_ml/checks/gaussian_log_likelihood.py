"""Checks for the Gaussian log-likelihood exercise (against the reference, which equals
statsmodels' OLS.llf and scipy.stats.norm.logpdf summed)."""

import math

import numpy as np

from ladder.curriculum.expect import expect_close, expect_raises

Y = [3.1, 0.4, 2.2, 5.0, 1.7, 2.9, 4.4]
P = [2.5, 1.0, 2.0, 4.1, 2.2, 3.5, 4.0]


def _ss(a, b):
    return float(np.sum((np.asarray(a) - np.asarray(b)) ** 2))


def check_given_variance(submitted, reference):
    """with sigma2 given: -(n/2) log(2 pi sigma2) - SS_res / (2 sigma2)"""
    n, ss = len(Y), _ss(Y, P)
    for s2 in (0.3, 2.0):
        norm = -0.5 * n * math.log(2 * math.pi * s2)
        expect_close(
            submitted(Y, P, sigma2=s2),
            reference(Y, P, sigma2=s2),
            inputs={"y_true": Y, "y_pred": P, "sigma2": s2},
            mistakes=[
                (norm - ss / s2, "the squares are divided by 2 sigma2"),
                (
                    norm - ss / (2 * math.sqrt(s2)),
                    "sigma2 is the variance, not the standard deviation",
                ),
                (
                    norm / n - ss / (2 * s2),
                    "the normalising term counts once per observation: n/2, not 1/2",
                ),
            ],
        )


def check_maximum_likelihood_variance(submitted, reference):
    """without sigma2: the maximum-likelihood variance SS_res / n"""
    n, ss = len(Y), _ss(Y, P)
    expect_close(
        submitted(Y, P),
        reference(Y, P),
        inputs={"y_true": Y, "y_pred": P, "sigma2": None},
        mistakes=[
            (
                reference(Y, P, sigma2=ss / (n - 1)),
                "the maximum-likelihood variance divides by n, not n - 1",
            )
        ],
    )


def check_a_large_sample(submitted, reference):
    """a large sample with large residuals"""
    rng = np.random.default_rng(5)
    y = rng.normal(100, 40, size=300)
    p = y + rng.normal(0, 25, size=300)
    expect_close(submitted(y, p), reference(y, p), inputs="300 values of size ~100, residuals ~25")


def check_bad_input(submitted, reference):
    """different lengths, no data, and a zero variance are errors"""
    expect_raises(
        ValueError, submitted, [1.0, 2.0], [1.0], inputs={"y_true": [1.0, 2.0], "y_pred": [1.0]}
    )
    expect_raises(ValueError, submitted, [], [], inputs={"y_true": [], "y_pred": []})
    expect_raises(
        ValueError, submitted, [1.0, 2.0], [1.0, 2.0], inputs="a perfect fit, sigma2=None"
    )
