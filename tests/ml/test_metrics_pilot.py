"""Parity: the pilot's MSE and R² against sklearn.metrics, including the edge cases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn import metrics as skm

from ladder.ml.metrics import mean_squared_error, r2_score

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 50).flatmap(
        lambda n: st.tuples(
            arrays(np.float64, n, elements=finite), arrays(np.float64, n, elements=finite)
        )
    )
)
def test_mse_and_r2_match_sklearn(pair):
    y, p = pair
    # Same formulas, summed in a possibly different order: 1e-9 relative covers the
    # cancellation in SS_tot for values up to 1e6.
    assert mean_squared_error(y, p) == pytest.approx(
        skm.mean_squared_error(y, p), rel=1e-9, abs=1e-9
    )
    if len(y) >= 2:
        assert r2_score(y, p) == pytest.approx(skm.r2_score(y, p), rel=1e-9, abs=1e-9)


def test_constant_target_follows_sklearn():
    y = np.array([2.0, 2.0, 2.0])
    assert r2_score(y, y) == skm.r2_score(y, y) == 1.0
    assert r2_score(y, y + [0, 0, 1]) == skm.r2_score(y, y + [0, 0, 1]) == 0.0


def test_shape_mismatch_and_empty():
    with pytest.raises(ValueError, match="shape"):
        mean_squared_error([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="empty"):
        r2_score([], [])
