"""Checks for the softmax exercise."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import drive, expect_close


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
    expect_close(
        submitted(Tensor(x)).data,
        reference(Tensor(x)).data,
        inputs={"x": x},
        mistakes=[
            (np.exp(x) / np.exp(x).sum(), "normalise along the axis, not over everything"),
            (
                np.exp(x) / np.exp(x).sum(0, keepdims=True),
                "normalise along the last axis (axis=-1)",
            ),
        ],
    )


def check_stable(submitted, reference):
    """finite for inputs of 1000"""
    x = np.array([[1000.0, 999.0, 0.0]])
    with np.errstate(all="ignore"):
        got = submitted(Tensor(x)).data
    expect_close(
        got,
        reference(Tensor(x)).data,
        inputs={"x": x},
        mistakes=[(np.array([[np.nan, np.nan, 0.0]]), "subtract the maximum before exp")],
    )


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
    expect_close(
        drive(submitted, _run, x, w, 0)[1],
        _run(reference, x, w, 0)[1],
        what="x.grad",
        inputs={"x": x, "w": w, "axis": 0},
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
