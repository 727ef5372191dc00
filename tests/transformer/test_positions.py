"""Positions: the sinusoidal table against the formula of Vaswani et al., property tests."""

from __future__ import annotations

import math

import pytest

torch = pytest.importorskip("torch")

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ladder.transformer.positions import (  # noqa: E402
    LearnedPositions,
    SinusoidalPositions,
    _relative_rotation,
    sinusoidal_table,
)

# float64 table against Python's math on the same formula: only rounding differs.
ATOL = 1e-12


@settings(max_examples=60, deadline=None)
@given(pos=st.integers(0, 511), half=st.integers(1, 32), data=st.data())
def test_table_equals_paper_formula(pos, half, data):
    d_model = 2 * half
    i = data.draw(st.integers(0, half - 1))
    table = sinusoidal_table(pos + 1, d_model, dtype=torch.float64)
    angle = pos / 10000 ** (2 * i / d_model)  # PE(pos, 2i) = sin(pos / 10000^(2i/d))
    assert abs(float(table[pos, 2 * i]) - math.sin(angle)) < ATOL
    assert abs(float(table[pos, 2 * i + 1]) - math.cos(angle)) < ATOL


@settings(max_examples=30, deadline=None)
@given(n=st.integers(1, 200), half=st.integers(1, 32))
def test_pairs_lie_on_unit_circle(n, half):
    t = sinusoidal_table(n, 2 * half, dtype=torch.float64)
    radius = t[:, 0::2] ** 2 + t[:, 1::2] ** 2
    torch.testing.assert_close(radius, torch.ones_like(radius), atol=ATOL, rtol=0)
    assert float(t.abs().max()) <= 1.0


@settings(max_examples=30, deadline=None)
@given(pos=st.integers(0, 100), k=st.integers(0, 50), half=st.integers(1, 16))
def test_shift_by_k_is_a_fixed_rotation(pos, k, half):
    # the property the paper cites: PE[pos + k] is a linear function of PE[pos]
    d = 2 * half
    t = sinusoidal_table(pos + k + 1, d, dtype=torch.float64)
    torch.testing.assert_close(_relative_rotation(k, d) @ t[pos], t[pos + k], atol=1e-9, rtol=0)


def test_position_zero_is_sin0_cos0():
    assert sinusoidal_table(1, 6)[0].tolist() == [0.0, 1.0, 0.0, 1.0, 0.0, 1.0]


def test_odd_width_rejected():
    with pytest.raises(ValueError, match="must be even"):
        sinusoidal_table(4, 5)


def test_modules_add_positions_and_check_context():
    sin = SinusoidalPositions(8, 4)
    x = torch.zeros(2, 3, 4)
    torch.testing.assert_close(sin(x, offset=2), sinusoidal_table(8, 4)[2:5].expand(2, 3, 4))
    with pytest.raises(ValueError, match="longer than the context of 8"):
        sin(torch.zeros(1, 9, 4))
    learned = LearnedPositions(8, 4)
    assert learned(3, offset=5).shape == (3, 4)
    with pytest.raises(ValueError, match="longer than the context"):
        learned(4, offset=5)
