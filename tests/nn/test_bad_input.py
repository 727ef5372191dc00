"""Bad input to ladder.nn layers and to Tensor: one clear sentence each, naming the fix."""

from __future__ import annotations

import numpy as np
import pytest

from ladder.autograd import Tensor
from ladder.nn import layers as L


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        ((0, 2), ValueError, r"in_features must be a positive integer, got 0"),
        ((-1, 2), ValueError, r"in_features must be a positive integer, got -1"),
        ((3, 0), ValueError, r"out_features must be a positive integer, got 0"),
        ((2.0, 2), TypeError, r"in_features must be an int, got 2.0 \(float\)"),
        ((True, 2), TypeError, r"in_features must be an int, got True \(bool\)"),
    ],
)
def test_linear_sizes(args, error, match):
    with pytest.raises(error, match=match):
        L.Linear(*args)


def test_other_layer_sizes():
    with pytest.raises(ValueError, match="Conv2d: in_channels must be a positive integer"):
        L.Conv2d(0, 2, 3)
    with pytest.raises(ValueError, match="Conv2d: kernel_size must be a positive integer"):
        L.Conv2d(1, 2, (3, 0))
    with pytest.raises(ValueError, match="Embedding: num_embeddings must be a positive"):
        L.Embedding(0, 4)
    # NumPy integers are integers.
    assert L.Linear(np.int64(3), np.int32(2)).weight.shape == (2, 3)
    assert L.Conv2d(1, 2, np.int64(3)).kernel_size == (3, 3)


def test_linear_input():
    lin = L.Linear(3, 2)
    with pytest.raises(TypeError, match=r"Linear\(3, 2\) expects a Tensor, got list; wrap"):
        lin([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=r"at least 1 axis, got shape \(\)"):
        lin(Tensor(np.float32(1.0)))
    # A NumPy array is wrapped, as before: same result as the Tensor.
    x = np.arange(12, dtype=np.float32).reshape(4, 3)
    np.testing.assert_array_equal(lin(x).data, lin(Tensor(x)).data)


@pytest.mark.parametrize(
    "layer", [L.ReLU(), L.Tanh(), L.Sigmoid(), L.GELU(), L.Dropout(0.1), L.Conv2d(1, 1, 1)]
)
def test_list_input_to_any_layer(layer):
    with pytest.raises(TypeError, match="expects a Tensor, got list"):
        layer([[1.0, 2.0]])


def test_flatten_needs_the_axes_it_keeps():
    with pytest.raises(ValueError, match=r"Flatten\(start_dim=1\) needs .* 2 axes, .*shape \(3,\)"):
        L.Flatten()(Tensor(np.ones(3)))
    assert L.Flatten()(Tensor(np.ones((2, 3, 4)))).shape == (2, 12)


@pytest.mark.parametrize(
    ("data", "error", "match"),
    [
        ("abc", TypeError, r"real numbers or booleans, got dtype <U3 from 'abc'"),
        (None, TypeError, "got dtype object"),
        ({"a": 1}, TypeError, "got dtype object"),
        ([[1.0, 2.0], [3.0]], ValueError, "rectangular"),
    ],
)
def test_tensor_data_must_be_numbers(data, error, match):
    with pytest.raises(error, match=match):
        Tensor(data)


def test_tensor_accepts_numbers_and_booleans():
    assert Tensor(True).dtype == np.bool_
    assert Tensor([1, 2]).dtype.kind == "i"
    assert Tensor(np.float32(2.0)).shape == ()
