"""Checks for the numerical-gradient exercise."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import expect_close, expect_equal


def _inputs(seed=0):
    rng = np.random.default_rng(seed)
    return [Tensor(rng.normal(size=(2, 3))), Tensor(rng.normal(size=(3,)))]


def _f(a, b):
    return (a * b).tanh() * a


def _one_sided(f, arrays, h):
    """Forward differences (F(x + h) − F(x)) / h, on copies of ``arrays``."""
    ts = [Tensor(a.copy()) for a in arrays]
    base = float(f(*ts).data.sum())
    grads = []
    for t in ts:
        g = np.zeros(t.data.shape)
        flat = t.data.reshape(-1)
        for i in range(flat.size):
            old = flat[i]
            flat[i] = old + h
            g.reshape(-1)[i] = (float(f(*ts).data.sum()) - base) / h
            flat[i] = old
        grads.append(g)
    return grads


def check_matches_reference(submitted, reference):
    """the central differences of sum(tanh(a·b)·a) for both inputs"""
    ref = reference(_f, _inputs())
    got = submitted(_f, _inputs())
    expect_equal(
        len(got),
        2,
        what="the number of gradients",
        inputs="two inputs, a (2, 3) and b (3,)",
        mistakes=[(1, "return one gradient per input: loop over every tensor in inputs")],
    )
    n_out = _f(*_inputs()).data.size
    for name, g, r in zip("ab", got, ref, strict=False):
        expect_close(
            g,
            r,
            rtol=1e-6,
            atol=1e-9,
            what=f"the gradient of {name}",
            inputs="F = sum(tanh(a·b)·a)",
            mistakes=[
                (2 * r, "divide by 2h: the two points are 2h apart"),
                (
                    np.zeros_like(r),
                    "perturb the input itself: x.data.reshape(-1) is a view of it, while a "
                    "copy never reaches f",
                ),
                (r / n_out, "F is the sum of f's outputs (….data.sum()), not their mean"),
            ],
        )


def check_uses_step_h(submitted, reference):
    """central differences with the step h it is given (h = 1e-3)"""
    arrays = [t.data for t in _inputs(3)]
    ref = reference(_f, [Tensor(a.copy()) for a in arrays], h=1e-3)
    got = submitted(_f, [Tensor(a.copy()) for a in arrays], h=1e-3)
    forward = _one_sided(_f, arrays, 1e-3)
    # Central differences with the same h agree to rounding (~1e-12 relative); a
    # one-sided difference is off by about h/2·F'' ≈ 1e-4, another step by ~1e-7.
    for name, g, r, fw in zip("ab", got, ref, forward, strict=False):
        expect_close(
            g,
            r,
            rtol=1e-9,
            atol=1e-11,
            what=f"the gradient of {name}",
            inputs="F = sum(tanh(a·b)·a) (seed 3), h = 1e-3",
            mistakes=[
                (
                    fw,
                    "use the central difference (F(x + h) − F(x − h)) / 2h, not the "
                    "one-sided (F(x + h) − F(x)) / h",
                ),
            ],
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
