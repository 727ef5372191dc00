"""The tolerance helpers compute the bounds their docstrings state, and the bounds hold."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tests.tolerance import (
    assert_close,
    eps,
    linearized_atol,
    matmul_atol,
    network_atol,
    noise_atol,
    sum_atol,
)


def test_sum_atol_is_n_eps_sum_of_magnitudes():
    x = np.array([[1.0, -2.0, 3.0], [0.5, 0.5, -4.0]], dtype=np.float32)
    np.testing.assert_allclose(sum_atol(x, axis=1), 3 * eps(np.float32) * np.array([6.0, 5.0]))
    assert sum_atol(x) == pytest.approx(6 * eps(np.float32) * 11.0)


def test_sum_bound_holds_for_orders_that_differ_most():
    """Issue 20's case: terms of size ~2 cancelling. Sequential, pairwise, reversed and
    sorted summation of the same float32 terms all stay within the bound of each other."""
    rng = np.random.default_rng(0)
    for _ in range(200):
        x = rng.uniform(-2, 2, 80).astype(np.float32)
        sums = [np.float32(0)] * 4
        for v in x:
            sums[0] = np.float32(sums[0] + v)
        for v in x[::-1]:
            sums[1] = np.float32(sums[1] + v)
        for v in np.sort(x):
            sums[2] = np.float32(sums[2] + v)
        sums[3] = x.sum()  # NumPy's pairwise summation
        assert max(sums) - min(sums) <= sum_atol(x)


def test_matmul_atol_is_k_eps_abs_product():
    a = np.array([[1.0, -2.0]], dtype=np.float32)
    b = np.array([[3.0], [4.0]], dtype=np.float32)
    np.testing.assert_allclose(matmul_atol(a, b), 2 * eps(np.float32) * np.array([[11.0]]))


def test_linearized_atol_of_a_sum_is_the_sum_bound():
    import torch

    x = np.array([1.0, -2.0, 3.0, -0.5])
    atol_y, (atol_grad,) = linearized_atol(lambda t: torch.sum(t), [x], np.array(1.0))
    assert atol_y == pytest.approx(4 * eps(np.float64) * 6.5)
    np.testing.assert_array_equal(atol_grad, np.full(4, eps(np.float64)))  # one term each


def test_assert_close_names_the_worst_element():
    assert_close([1.0, 2.0], [1.0, 2.0 + 1e-9], atol=np.array([0.0, 1e-8]))
    with pytest.raises(AssertionError, match=r"1 of 2 elements .* worst at \(1,\)"):
        assert_close([1.0, 2.0], [1.0, 2.1], atol=np.array([0.0, 1e-8]))
    with pytest.raises(AssertionError, match="shape"):
        assert_close([1.0], [1.0, 2.0])


def test_network_and_noise_bounds_follow_their_formulas():
    u = eps(np.float32) / 2
    assert network_atol(np.float32, depth=2, width=8, scale=3.0) == pytest.approx(
        8 * math.sqrt(32) * u * 3.0
    )
    low, high = np.array([1.0, 2.0 + 1e-6]), np.array([1.0, 2.0])
    assert noise_atol(low, high) == pytest.approx(8e-6 + 64 * eps(np.float32) * 2.0)
