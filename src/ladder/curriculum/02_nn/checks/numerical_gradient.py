"""Checks for the numerical-gradient exercise."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import expect_close, expect_equal


def _inputs(seed=0):
    rng = np.random.default_rng(seed)
    return [Tensor(rng.normal(size=(2, 3))), Tensor(rng.normal(size=(3,)))]


def _f(a, b):
    return (a * b).tanh() * a


def check_matches_reference(submitted, reference):
    """the central differences of sum(tanh(a·b)·a) for both inputs"""
    got = submitted(_f, _inputs())
    ref = reference(_f, _inputs())
    expect_equal(
        len(got), 2, what="the number of gradients", inputs="two inputs, a (2, 3) and b (3,)"
    )
    for name, g, r in zip("ab", got, ref, strict=False):
        expect_close(
            g,
            r,
            rtol=1e-6,
            atol=1e-9,
            what=f"the gradient of {name}",
            inputs="F = sum(tanh(a·b)·a)",
            mistakes=[(2 * r, "divide by 2h: the two points are 2h apart")],
        )


def check_close_to_autograd(submitted, reference):
    """agrees with backpropagation to 1e-6"""
    a, b = (Tensor(t.data, requires_grad=True) for t in _inputs(1))
    _f(a, b).sum().backward()
    got = submitted(_f, [Tensor(a.data.copy()), Tensor(b.data.copy())])
    expect_close(
        got[0],
        a.grad,
        rtol=1e-6,
        atol=1e-8,
        what="the gradient of a",
        inputs="F = sum(tanh(a·b)·a), compared with autograd",
    )


def check_restores_inputs(submitted, reference):
    """leaves the inputs exactly as they were"""
    ins = _inputs(2)
    before = [t.data.copy() for t in ins]
    submitted(_f, ins)
    for t, b in zip(ins, before, strict=False):
        expect_equal(t.data, b, what="the input after the call", inputs="any input", mistakes=[])
