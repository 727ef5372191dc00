"""Parity of the scalar autograd ``Value`` with ``torch.autograd`` in float64.

Random expressions are drawn by hypothesis as small programs over a few leaves; each
program is run once on ``Value``\\s and once on 0-d float64 torch tensors (one helper,
write-once cases). Tolerance: rel 1e-9 — both sides do the same float64 operations in
possibly different order (e.g. torch's fused sigmoid), which differ by a few ulps
(~1e-15 relative); 1e-9 leaves room for error growth through ~20 operations.
"""

from __future__ import annotations

import math

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from ladder.autograd.scalar import Value

RTOL, ATOL = 1e-9, 1e-12

UNARY = ["exp", "tanh", "relu", "sigmoid", "log", "neg", "square", "cube"]
BINARY = ["add", "sub", "mul", "div", "rsub", "radd_const", "rmul_const", "pow_value"]


def apply(op: str, a, b=None):
    """One step of an expression, spelt the same for Value and torch tensors."""
    if op == "exp":
        return a.exp()
    if op == "tanh":
        return a.tanh()
    if op == "relu":
        return a.relu()
    if op == "sigmoid":
        return a.sigmoid()
    if op == "log":  # log needs a positive argument: log(1 + a*a) always is
        return (a * a + 1.0).log()
    if op == "neg":
        return -a
    if op == "square":
        return a**2
    if op == "cube":
        return a**3
    if op == "add":
        return a + b
    if op == "sub":
        return a - b
    if op == "mul":
        return a * b
    if op == "div":  # keep the divisor away from 0
        return a / (b * b + 0.5)
    if op == "rsub":
        return 2.5 - a
    if op == "radd_const":
        return 1.5 + a
    if op == "rmul_const":
        return 0.7 * a
    if op == "pow_value":  # a positive base raised to a Value exponent
        return (a * a + 1.0) ** b.tanh()
    raise ValueError(op)


leaf_values = st.floats(-2.0, 2.0, allow_nan=False, allow_infinity=False)
program = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(UNARY), st.integers(0, 50)),
        st.tuples(st.sampled_from(BINARY), st.integers(0, 50), st.integers(0, 50)),
    ),
    min_size=1,
    max_size=12,
)


def run(program, leaves, make):
    """Evaluate ``program`` on ``leaves`` built with ``make``; every step appends a node."""
    nodes = [make(v) for v in leaves]
    inputs = list(nodes)
    for step in program:
        op, *args = step
        operands = [nodes[i % len(nodes)] for i in args]
        nodes.append(apply(op, *operands))
    out = nodes[-1]
    for n in nodes[len(leaves) :]:  # combine everything so every node reaches the output
        out = out + 0.1 * n
    return out, inputs


@settings(max_examples=150, deadline=None)
@given(leaves=st.lists(leaf_values, min_size=1, max_size=4), program=program)
def test_random_expressions_match_torch_autograd(leaves, program):
    ours, our_in = run(program, leaves, Value)
    ours.backward()
    theirs, their_in = run(
        program, leaves, lambda v: torch.tensor(v, dtype=torch.float64, requires_grad=True)
    )
    theirs.backward()
    assert math.isclose(ours.data, theirs.item(), rel_tol=RTOL, abs_tol=ATOL)
    for v, t in zip(our_in, their_in, strict=True):
        their_grad = 0.0 if t.grad is None else t.grad.item()  # None: leaf unused
        assert math.isclose(v.grad, their_grad, rel_tol=RTOL, abs_tol=ATOL)


def test_value_used_twice_accumulates():
    a = Value(3.0)
    b = a * a + a  # db/da = 2a + 1
    b.backward()
    assert a.grad == 7.0


def test_deep_chain_does_not_hit_recursion_limit():
    x = Value(0.5)
    y = x
    for _ in range(5000):
        y = y * 1.0
    y.backward()
    assert x.grad == 1.0


def test_log_of_non_positive_says_how_to_fix():
    with pytest.raises(ValueError, match="non-positive.*clamp"):
        Value(-1.0).log()


def test_sigmoid_is_finite_for_large_inputs():
    assert Value(-1000.0).sigmoid().data == 0.0
    assert Value(1000.0).sigmoid().data == 1.0
