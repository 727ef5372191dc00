"""The tensor engine itself: graph recording, accumulation, no_grad, errors, gradcheck."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ladder.autograd import Tensor, no_grad, unbroadcast
from ladder.autograd import conv as C
from ladder.autograd import functional as LF
from ladder.autograd.gradcheck import gradcheck, numerical_gradient
from tests.tolerance import sum_atol


def leaf(shape, seed=0, low=-1.0, high=1.0):
    rng = np.random.default_rng(seed)
    return Tensor(rng.uniform(low, high, size=shape), requires_grad=True)


def test_gradients_accumulate_across_backward_calls_like_torch():
    x = leaf((3,))
    (x * 2.0).sum().backward()
    (x * 3.0).sum().backward()
    np.testing.assert_array_equal(x.grad, np.full(3, 5.0))


def test_no_grad_records_nothing_and_restores():
    x = leaf((2,))
    with no_grad():
        y = x * 2.0
    assert not y.requires_grad and y._prev == ()
    assert (x * 2.0).requires_grad


def test_no_grad_as_decorator():
    @no_grad()
    def f(t):
        return t * t

    assert not f(leaf((2,))).requires_grad


def test_diamond_graph_adds_both_paths():
    x = leaf((4,))
    y = x.exp()
    z = (y * y + y).sum()  # dz/dx = (2e^{2x} + e^x)
    z.backward()
    np.testing.assert_allclose(x.grad, 2 * np.exp(2 * x.data) + np.exp(x.data), rtol=1e-12)


def test_retain_grad_keeps_intermediate_gradient():
    x = leaf((3,))
    h = (x * 2.0).retain_grad()
    (h * h).sum().backward()
    np.testing.assert_allclose(h.grad, 2 * h.data)


@settings(max_examples=40, deadline=None)
@given(
    shape=st.lists(st.integers(1, 4), min_size=0, max_size=3).map(tuple),
    lead=st.lists(st.integers(1, 3), min_size=0, max_size=2).map(tuple),
    data=st.data(),
)
def test_unbroadcast_is_the_adjoint_of_broadcast(shape, lead, data):
    """<broadcast(a), g> == <a, unbroadcast(g)> for every a, g: the defining property."""
    stretched = tuple(data.draw(st.sampled_from([1, n])) if n == 1 else n for n in shape)
    target = lead + tuple(data.draw(st.integers(1, 3)) if n == 1 else n for n in stretched)
    rng = np.random.default_rng(0)
    a, g = rng.normal(size=shape), rng.normal(size=target)
    terms = np.broadcast_to(a, target) * g
    lhs = terms.sum()
    rhs = (a * unbroadcast(g, shape)).sum()
    # Both are the sum of the same products, grouped differently: each within γ_N·Σ|terms|
    # of the exact value (the grouping adds at most one rounding per term), so they differ
    # by at most twice sum_atol's n·eps·Σ|terms| (tests/tolerance.py).
    assert abs(lhs - rhs) <= 2 * sum_atol(terms)
    assert unbroadcast(g, shape).shape == shape


def test_gradcheck_on_a_small_network():
    x, w, b = leaf((4, 3), 1), leaf((3, 5), 2), leaf((5,), 3)
    assert gradcheck(lambda x, w, b: LF.log_softmax((x @ w + b).tanh(), -1), [x, w, b])


def test_gradcheck_on_conv_and_pool():
    x, w = leaf((1, 2, 6, 6), 4), leaf((3, 2, 3, 3), 5)
    assert gradcheck(lambda x, w: C.max_pool2d(C.conv2d(x, w, padding=1), 2), [x, w])


def test_gradcheck_catches_a_wrong_backward():
    x = leaf((3,))

    def bad(t):  # forward t^2, but a backward that claims d/dt = t (missing the 2)
        return Tensor._make(t.data**2, (t,), lambda g: (g * t.data,), "bad_square")

    with pytest.raises(AssertionError, match="input 0 .* autograd .* finite difference"):
        gradcheck(bad, [x])


def test_numerical_gradient_leaves_inputs_unchanged():
    x = leaf((2, 2))
    before = x.data.copy()
    numerical_gradient(lambda t: t * t, [x])
    np.testing.assert_array_equal(x.data, before)


# ---------------------------------------------------------------------- errors
def test_broadcast_error_names_op_and_both_shapes():
    with pytest.raises(ValueError, match=r"mul: shapes \(2, 3\) and \(4,\).*Reshape"):
        leaf((2, 3)) * leaf((4,))


def test_matmul_error_names_both_shapes():
    with pytest.raises(ValueError, match=r"matmul: shapes \(3, 4\) and \(5, 2\).*4.*5"):
        leaf((3, 4)) @ leaf((5, 2))


def test_conv_error_names_channels():
    with pytest.raises(ValueError, match=r"conv2d: input shape \(1, 3, 5, 5\).*in_channels"):
        C.conv2d(leaf((1, 3, 5, 5)), leaf((2, 1, 3, 3)))


def test_concat_error_lists_shapes():
    with pytest.raises(ValueError, match=r"concat along axis 0: shapes \[\(2, 3\), \(2, 4\)\]"):
        LF.concat([leaf((2, 3)), leaf((2, 4))], axis=0)


def test_backward_on_non_scalar_asks_for_gradient():
    with pytest.raises(RuntimeError, match=r"non-scalar output of shape \(3,\)"):
        (leaf((3,)) * 2.0).backward()


def test_integer_tensor_cannot_require_grad():
    with pytest.raises(TypeError, match="float32"):
        Tensor([1, 2], requires_grad=True)


def test_embedding_index_out_of_range():
    with pytest.raises(IndexError, match="table has 5 rows"):
        LF.embedding(leaf((5, 2)), np.array([0, 5]))
