"""The Gaussian mechanism's noise against its formula, and its bad input."""

from __future__ import annotations

import math

import pytest

from ladder.ethics.mechanisms import gaussian_mechanism_sigma


def test_gaussian_mechanism_sigma():
    # Δ·sqrt(2 ln(1.25/δ))/ε = sqrt(2 ln 125000)/0.5 = 9.68961…
    assert gaussian_mechanism_sigma(1.0, 0.5, 1e-5) == pytest.approx(9.68961, rel=1e-6)
    assert gaussian_mechanism_sigma(2.0, 0.5, 1e-5) == pytest.approx(2 * 9.68961, rel=1e-6)
    assert gaussian_mechanism_sigma(1.0, 0.25, 1e-3) == pytest.approx(
        math.sqrt(2 * math.log(1250)) / 0.25, rel=1e-15
    )


def test_bad_input():
    with pytest.raises(ValueError, match=r"epsilon must be in \(0, 1\)"):
        gaussian_mechanism_sigma(1.0, 2.0, 1e-5)
    with pytest.raises(ValueError, match=r"delta must be in \(0, 1\)"):
        gaussian_mechanism_sigma(1.0, 0.5, 0.0)
    with pytest.raises(ValueError, match="sensitivity must be positive"):
        gaussian_mechanism_sigma(0.0, 0.5, 1e-5)
