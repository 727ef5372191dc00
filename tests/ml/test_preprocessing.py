"""Parity: PolynomialFeatures and StandardScaler against sklearn.preprocessing.

Polynomial columns are products of the same float64 numbers: exact up to the order of
multiplication (rtol=1e-13). The scaler's mean/variance are computed by sklearn with an
incremental algorithm, ours in two passes: they agree to a few ulps (rtol=1e-12).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

skp = pytest.importorskip("sklearn.preprocessing")
from sklearn.datasets import load_diabetes  # noqa: E402

from ladder.ml import preprocessing as ours  # noqa: E402

X = load_diabetes().data[:50, :4]


def same_transform(name, X, rtol, **params):
    """The one helper: fit both transformers on X and compare outputs and attributes."""
    a = getattr(ours, name)(**params).fit(X)
    b = getattr(skp, name)(**params).fit(X)
    np.testing.assert_allclose(a.transform(X), b.transform(X), rtol=rtol, atol=1e-15)
    return a, b


@pytest.mark.parametrize("degree", [0, 1, 2, 3])
@pytest.mark.parametrize("interaction_only", [False, True])
@pytest.mark.parametrize("include_bias", [False, True])
def test_polynomial_features(degree, interaction_only, include_bias):
    if degree == 0 and not include_bias:  # no output columns: both refuse
        params = dict(degree=0, interaction_only=interaction_only, include_bias=False)
        with pytest.raises(ValueError):
            ours.PolynomialFeatures(**params).fit(X)
        with pytest.raises(ValueError):
            skp.PolynomialFeatures(**params).fit(X)
        return
    a, b = same_transform(
        "PolynomialFeatures",
        X,
        1e-13,
        degree=degree,
        interaction_only=interaction_only,
        include_bias=include_bias,
    )
    np.testing.assert_array_equal(a.powers_, b.powers_)
    assert a.get_feature_names_out() == list(b.get_feature_names_out())


@pytest.mark.parametrize("with_mean", [False, True])
@pytest.mark.parametrize("with_std", [False, True])
def test_standard_scaler(with_mean, with_std):
    a, b = same_transform("StandardScaler", X, 1e-12, with_mean=with_mean, with_std=with_std)
    if with_std:
        np.testing.assert_allclose(a.var_, b.var_, rtol=1e-12)
    else:
        assert a.var_ is None and b.var_ is None
    np.testing.assert_allclose(a.inverse_transform(a.transform(X)), X, rtol=1e-12)


def test_scaler_constant_column_gets_scale_one():
    Xc = np.column_stack([X[:, 0], np.full(50, 3.0)])
    a, b = same_transform("StandardScaler", Xc, 1e-12)
    assert a.scale_[1] == b.scale_[1] == 1.0


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 3), st.integers(1, 3), st.integers(0, 2**31 - 1))
def test_property_polynomial_shapes(n_features, degree, seed):
    Z = np.random.default_rng(seed).normal(size=(5, n_features))
    same_transform("PolynomialFeatures", Z, 1e-12, degree=degree)
