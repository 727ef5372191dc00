"""Checks for the softmax exercise."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import drive, expect_close, expect_true


def _run(fn, x, weights, axis=-1):
    t = Tensor(x.copy(), requires_grad=True)
    s = fn(t, axis)
    (s * Tensor(weights)).sum().backward()
    return s.data, t.grad


def _case(shape, seed):
    rng = np.random.default_rng(seed)
    return rng.normal(size=shape), rng.normal(size=shape)


def check_forward(submitted, reference):
    """rows sum to 1 and match the reference"""
    x, _ = _case((3, 4), 0)
    shifted = np.exp(x - x.max(axis=-1, keepdims=True))
    expect_close(
        submitted(Tensor(x)).data,
        reference(Tensor(x)).data,
        inputs={"x": x},
        mistakes=[
            (np.exp(x) / np.exp(x).sum(), "normalise along the axis, not over everything"),
            (shifted / shifted.sum(), "normalise along the axis, not over everything"),
            (
                np.exp(x) / np.exp(x).sum(0, keepdims=True),
                "normalise along the last axis (axis=-1)",
            ),
        ],
    )


def check_stable(submitted, reference):
    """finite for inputs of ±1000, whatever each row's maximum"""
    # Row maxima 1000 and −999: without a shift exp(1000) overflows; one global maximum
    # sends the second row to exp(−1999) = 0 and 0 / 0.
    x = np.array([[1000.0, 999.0, 0.0], [-1000.0, -1002.0, -999.0]])
    expected = reference(Tensor(x.copy())).data
    got = np.asarray(submitted(Tensor(x.copy())).data, dtype=float)
    expect_true(
        bool(np.all(np.isfinite(got))),
        "softmax gave nan or inf",
        inputs={"x": x},
        misconception="subtract the maximum along the axis (keepdims=True) before exp: "
        "not one global maximum, which underflows a row far below it",
    )
    expect_close(got, expected, inputs={"x": x})


def check_backward(submitted, reference):
    """the gradient of sum(w · softmax(x)) matches the reference"""
    x, w = _case((3, 4), 1)
    got = drive(submitted, _run, x, w)[1]
    s, ref = _run(reference, x, w)
    expect_close(
        got,
        ref,
        what="x.grad",
        inputs={"x": x, "w (upstream gradient)": w},
        mistakes=[
            (s * (1 - s) * w, "that is only the diagonal of the Jacobian: subtract sum_j g_j s_j"),
            (w - (w * s).sum(-1, keepdims=True), "multiply by s: s * (g − sum(g s))"),
        ],
    )


def check_axis0(submitted, reference):
    """works along axis 0 too"""
    x, w = _case((4, 3), 2)
    s, ref = _run(reference, x, w, 0)
    expect_close(
        drive(submitted, _run, x, w, 0)[1],
        ref,
        what="x.grad",
        inputs={"x": x, "w": w, "axis": 0},
        mistakes=[
            (
                s * (w - (w * s).sum(axis=-1, keepdims=True)),
                "in the backward, sum along the same axis as the forward",
            )
        ],
    )


def check_sum_gradient_is_zero(submitted, reference):
    """sum(softmax(x)) is constant, so its gradient is 0"""
    x, _ = _case((2, 5), 3)
    expect_close(
        drive(submitted, _run, x, np.ones((2, 5)))[1],
        np.zeros((2, 5)),
        atol=1e-12,
        what="x.grad",
        inputs={"x": x, "loss": "sum(softmax(x))"},
    )
