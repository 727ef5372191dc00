"""Initialisers follow ``torch.nn.init``'s formulas: same fans, bounds and variances.

Random draws differ between the libraries, so the parity is on the distribution: the
fan computation equals torch's exactly, uniform draws stay inside torch's bound, and the
sample variance of n draws is within 6 standard errors of the theoretical one. The
relative standard error of a sample variance is sqrt((κ − 1)/n), κ the kurtosis (3 for a
normal, 1.8 for a uniform); 6 of them fail a correct initialiser with probability ~2e-9,
for any seed, while a wrong fan or gain (off by 10 % or more in variance) stays out of
reach: 6·sqrt(2/25,600) = 5.3 % at the smallest n here.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

import ladder.nn as nn
from ladder.nn import init

SHAPES = [(400, 250), (64, 16, 5, 5)]
NORMAL_KURTOSIS = 3.0  # the larger of the two kurtoses (uniform: 1.8): the wider bound


def variance_tol(n: int, kurtosis: float = NORMAL_KURTOSIS) -> float:
    """Six relative standard errors of the sample variance of n draws."""
    return 6 * math.sqrt((kurtosis - 1) / n)


@pytest.mark.parametrize("shape", SHAPES)
def test_fans_equal_torch(shape):
    expected = torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))
    assert init.fans(shape) == expected


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "name,variance,bound",
    [
        ("xavier_uniform", lambda i, o: 2 / (i + o), lambda i, o: math.sqrt(6 / (i + o))),
        ("xavier_normal", lambda i, o: 2 / (i + o), None),
        ("kaiming_uniform", lambda i, o: 2 / i, lambda i, o: math.sqrt(6 / i)),
        ("kaiming_normal", lambda i, o: 2 / i, None),
        ("lecun_uniform_torch_default", lambda i, o: 1 / (3 * i), lambda i, o: 1 / math.sqrt(i)),
    ],
)
def test_distribution_matches_torch_formula(shape, name, variance, bound):
    init.manual_seed(0)
    w = getattr(init, name)(shape, dtype=np.float64)
    fan_in, fan_out = init.fans(shape)
    assert w.shape == shape
    assert abs(w.mean()) < 0.02 * math.sqrt(variance(fan_in, fan_out)) * 10
    assert abs(w.var() / variance(fan_in, fan_out) - 1) < variance_tol(w.size)
    if bound is not None:
        assert np.abs(w).max() <= bound(fan_in, fan_out)


def test_torch_own_draws_have_the_same_variance():
    """Close the loop: torch's kaiming_normal_ has the variance our formula states."""
    init.manual_seed(2)  # not whatever state earlier tests left
    t = torch.empty(400, 250, dtype=torch.float64)
    torch.nn.init.kaiming_normal_(t, nonlinearity="relu")
    ours = init.kaiming_normal((400, 250), dtype=np.float64)
    # a ratio of two independent sample variances: their relative errors add in quadrature
    assert abs(t.var().item() / ours.var() - 1) < math.sqrt(2) * variance_tol(t.numel())


def test_layers_accept_xavier_and_he():
    init.manual_seed(1)
    # a standard deviation's relative error is half its variance's: variance_tol / 2
    assert nn.Linear(300, 200, init="xavier").weight.data.std() == pytest.approx(
        math.sqrt(2 / 500), rel=variance_tol(300 * 200) / 2
    )
    assert nn.Conv2d(16, 32, 3, init="he").weight.data.std() == pytest.approx(
        math.sqrt(2 / 144), rel=variance_tol(32 * 16 * 9) / 2
    )
    with pytest.raises(ValueError, match="'torch', 'xavier' or 'he'"):
        nn.Linear(2, 2, init="glorot")


def test_manual_seed_makes_models_reproducible():
    init.manual_seed(3)
    a = nn.Linear(4, 4).weight.data.copy()
    init.manual_seed(3)
    np.testing.assert_array_equal(a, nn.Linear(4, 4).weight.data)
