"""Parity: the pilot's MSE and R² against sklearn.metrics, including the edge cases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn import metrics as skm

from ladder.ml.metrics import mean_squared_error, r2_score
from tests.tolerance import eps

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
EPS = eps(np.float64)
TINY = np.finfo(np.float64).smallest_subnormal  # squares below 2.2e-308 round absolutely


def mse_atol(y, p) -> float:
    """Two correct float64 MSEs differ by at most (n + 3)·eps·MSE (+ underflow): every
    term (yᵢ − pᵢ)² ≥ 0 carries 3 roundings, the sum of n of them γ_{n−1} relative (no
    cancellation: all terms have one sign), the division one more; twice that, for two
    implementations, is (n + 3)·eps."""
    n, mse = len(y), float(np.mean((y - p) ** 2))
    return (n + 3) * EPS * mse + n * TINY


def r2_atol(y, p) -> float:
    """How far two correct float64 R² = 1 − SS_res/SS_tot can differ.

    SS_res has relative error (n + 2)·u (as MSE). SS_tot = Σ(yᵢ − ȳ)² uses a computed mean
    off by δ ≤ n·u·mean|y|, which adds n·δ² to it (the first-order term vanishes since
    Σ(yᵢ − ȳ) = 0), on top of (n + 2)·u relative for the squares and their sum. The ratio
    adds the relative errors of both. Where y is nearly constant (SS_tot near n·δ²) R² is
    not determined by the float64 data, and the bound says so by growing without limit.
    """
    n = len(y)
    ss_res = float(np.sum((y - p) ** 2))
    ss_tot = float(np.sum((y - y.mean()) ** 2))
    delta = n * EPS * float(np.abs(y).mean())
    err_res = (n + 2) * EPS * ss_res + n * TINY
    err_tot = (n + 2) * EPS * (ss_tot + n * delta**2) + n * delta**2 + n * TINY
    if ss_tot <= err_tot:
        return np.inf  # SS_tot is rounding noise: both sides compute noise
    ratio = ss_res / ss_tot
    rel = err_res / max(ss_res, TINY) + err_tot / (ss_tot - err_tot)
    return ratio * rel + EPS * (1 + ratio)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 50).flatmap(
        lambda n: st.tuples(
            arrays(np.float64, n, elements=finite), arrays(np.float64, n, elements=finite)
        )
    )
)
@example((np.array([0.0, 1e-160]), np.array([1e6, 0.0])))  # R² = −inf on both sides
def test_mse_and_r2_match_sklearn(pair):
    y, p = pair
    # Same formulas, summed in a possibly different order: the bounds above, per draw.
    assert abs(mean_squared_error(y, p) - skm.mean_squared_error(y, p)) <= mse_atol(y, p)
    if len(y) >= 2:
        ours, theirs = r2_score(y, p), skm.r2_score(y, p)
        # equal infinities: SS_res/SS_tot overflows on both sides when SS_tot is subnormal
        assert ours == theirs or abs(ours - theirs) <= r2_atol(y, p)


def test_constant_target_follows_sklearn():
    y = np.array([2.0, 2.0, 2.0])
    assert r2_score(y, y) == skm.r2_score(y, y) == 1.0
    assert r2_score(y, y + [0, 0, 1]) == skm.r2_score(y, y + [0, 0, 1]) == 0.0


def test_shape_mismatch_and_empty():
    with pytest.raises(ValueError, match="shape"):
        mean_squared_error([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="empty"):
        r2_score([], [])
