"""The RDP accountant against Opacus' RDPAccountant for the same noise, sampling rate,
steps and delta.

Both sum the same log-space series term by term in float64 and stop the fractional-order
series at the same e^-30 cut, so ε agrees to about 1e-12 relative (1e-10 used)."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from ladder.ethics import accountant as ours

opacus_acc = pytest.importorskip("opacus.accountants", reason="could not import opacus")
from opacus.accountants.analysis import rdp as opacus_rdp  # noqa: E402
from opacus.accountants.utils import get_noise_multiplier  # noqa: E402


@pytest.mark.parametrize(
    "sigma, q, steps, delta",
    [
        (1.1, 256 / 60_000, 14_040, 1e-5),
        (0.7, 0.01, 500, 1e-6),
        (4.0, 0.2, 30, 1e-3),
        (1.0, 1.0, 10, 1e-5),
        (2.5, 0.05, 2_000, 1e-5),
    ],
)
def test_epsilon_equals_opacus(sigma, q, steps, delta):
    acc = ours.RDPAccountant()
    acc.step(noise_multiplier=sigma, sample_rate=q, steps=steps)
    ref = opacus_acc.RDPAccountant()
    ref.history = [(sigma, q, steps)]  # what `steps` calls of ref.step(...) leave behind
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Opacus warns when the best order is at the edge
        expected = ref.get_epsilon(delta)
    assert acc.epsilon(delta) == pytest.approx(expected, rel=1e-10)


def test_rdp_per_order_equals_opacus_including_fractional_orders():
    orders = [1.25, 1.5, 2, 2.5, 3, 4.75, 8, 16, 32.5, 63]
    got = ours.sampled_gaussian_rdp(0.02, 0.9, 100, orders)
    expected = opacus_rdp.compute_rdp(q=0.02, noise_multiplier=0.9, steps=100, orders=orders)
    np.testing.assert_allclose(got, expected, rtol=1e-10)


def test_history_of_several_phases_adds_up():
    acc = ours.RDPAccountant()
    ref = opacus_acc.RDPAccountant()
    for sigma, q, n in [(1.0, 0.01, 100), (2.0, 0.02, 50)]:
        for _ in range(n):
            acc.step(noise_multiplier=sigma, sample_rate=q)
            ref.step(noise_multiplier=sigma, sample_rate=q)
    assert acc.epsilon(1e-5) == pytest.approx(ref.get_epsilon(1e-5), rel=1e-10)


def test_gaussian_rdp_and_full_batch_closed_form():
    # with q = 1 each step is a plain Gaussian mechanism: T·α/(2σ²)
    assert ours.gaussian_rdp(4.0, 2.0) == 0.5
    np.testing.assert_allclose(ours.sampled_gaussian_rdp(1.0, 2.0, 3, [4.0, 8.0]), [1.5, 3.0])
    # the conversion at one order, by hand: ε = ρ + log((α−1)/α) − (log δ + log α)/(α − 1)
    eps, order = ours.rdp_to_epsilon([1.5], [4.0], 1e-5)
    assert order == 4.0
    assert eps == pytest.approx(1.5 + math.log(3 / 4) - (math.log(1e-5) + math.log(4)) / 3)


def test_noise_multiplier_search_equals_opacus():
    got = ours.noise_multiplier_for_epsilon(2.0, 1e-5, 0.01, 1000)
    assert got == get_noise_multiplier(
        target_epsilon=2.0, target_delta=1e-5, sample_rate=0.01, steps=1000, accountant="rdp"
    )


def test_more_noise_or_fewer_steps_spend_less():
    def eps(sigma, steps):
        a = ours.RDPAccountant()
        a.step(noise_multiplier=sigma, sample_rate=0.01, steps=steps)
        return a.epsilon(1e-5)

    assert eps(2.0, 1000) < eps(1.0, 1000) and eps(1.0, 100) < eps(1.0, 1000)
    assert ours.RDPAccountant().epsilon(1e-5) == 0.0


def test_bad_input():
    acc = ours.RDPAccountant()
    with pytest.raises(ValueError, match="noise_multiplier must be positive"):
        acc.step(noise_multiplier=0.0, sample_rate=0.1)
    with pytest.raises(ValueError, match="noise_multiplier must be positive"):
        ours.gaussian_rdp(2.0, -1.0)
    with pytest.raises(ValueError, match=r"sample_rate must be a probability in \[0, 1\]"):
        acc.step(noise_multiplier=1.0, sample_rate=1.5)
    acc.step(noise_multiplier=1.0, sample_rate=0.1)
    for bad in (0.0, 1.0, -1e-5):
        with pytest.raises(ValueError, match=r"delta must be in \(0, 1\)"):
            acc.epsilon(bad)
    with pytest.raises(ValueError, match="epsilon must be positive"):
        ours.noise_multiplier_for_epsilon(0.0, 1e-5, 0.01, 100)
    with pytest.raises(ValueError, match="Rényi order alpha must be > 1"):
        ours.gaussian_rdp(1.0, 1.0)
    with pytest.raises(ValueError, match="rdp has 2 values for 1 orders"):
        ours.rdp_to_epsilon([1.0, 2.0], [2.0], 1e-5)
