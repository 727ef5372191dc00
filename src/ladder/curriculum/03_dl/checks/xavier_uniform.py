"""Checks for the Xavier-initialisation exercise."""

import math

import numpy as np

from ladder.curriculum.expect import drive, expect_close, expect_equal, expect_raises
from ladder.nn import init


def _draw(fn, *args, **kw):
    init.manual_seed(0)
    return fn(*args, **kw)


def check_linear(submitted, reference):
    """a (512, 784) weight: the same draws as the reference"""
    got = drive(submitted, _draw, (512, 784))
    ref = _draw(reference, (512, 784))
    init.manual_seed(0)
    he = init.get_rng().uniform(-math.sqrt(6 / 784), math.sqrt(6 / 784), (512, 784))
    expect_close(
        got,
        ref,
        rtol=1e-6,
        inputs={"shape": (512, 784)},
        mistakes=[(he, "Xavier uses fan_in + fan_out, not fan_in alone (that is He)")],
    )
    expect_equal(
        str(got.dtype),
        "float32",
        what="the dtype",
        inputs={"shape": (512, 784), "dtype": "float32 (the default)"},
        mistakes=[("float64", "convert with .astype(dtype): the generator draws float64")],
    )


def check_conv_fans(submitted, reference):
    """a conv weight (16, 6, 5, 5): fans include the kernel area"""
    got = drive(submitted, _draw, (16, 6, 5, 5))
    ref = _draw(reference, (16, 6, 5, 5))
    init.manual_seed(0)
    no_kernel = init.get_rng().uniform(-math.sqrt(6 / 22), math.sqrt(6 / 22), (16, 6, 5, 5))
    expect_close(
        got,
        ref,
        rtol=1e-6,
        inputs={"shape": (16, 6, 5, 5)},
        mistakes=[(no_kernel, "multiply both fans by the kernel area kh·kw = 25")],
    )


def check_gain_and_dtype(submitted, reference):
    """gain scales the bound; the dtype is honoured"""
    want = _draw(reference, (20, 30), gain=2.0, dtype=np.float64)
    got = drive(submitted, _draw, (20, 30), gain=2.0, dtype=np.float64)
    expect_equal(str(got.dtype), "float64", what="the dtype", inputs={"dtype": "float64"})
    init.manual_seed(0)
    bound = math.sqrt(2.0 * 6 / 50)
    inside = init.get_rng().uniform(-bound, bound, (20, 30))
    expect_close(
        got,
        want,
        inputs={"shape": (20, 30), "gain": 2.0},
        mistakes=[(inside, "multiply the bound by gain: gain · sqrt(6 / (fan_in + fan_out))")],
    )


def check_bad_shape(submitted, reference):
    """a 1-D shape raises ValueError"""
    expect_raises(ValueError, submitted, (10,), inputs={"shape": (10,)})
