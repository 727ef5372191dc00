"""Forward values and gradients at singular points, against torch.autograd in float64.

ReLU at and below 0 with inf/nan arriving from above, x**0 at x = 0, d(0**y)/dy, and
powers of negative or infinite numbers: torch defines these cases by rules (routing
instead of multiplying by a 0/1 mask; explicit zeros), so the check is exact on the
special values (inf, nan, 0 compared with ``assert_array_equal``, which counts nan as
equal to nan) and to 1e-14 relative on finite ones (NumPy's and torch's ``pow`` and
``log`` may differ in the last bit).
"""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from ladder.autograd import Tensor  # noqa: E402

torch.set_num_threads(1)
INF, NAN = float("inf"), float("nan")
X = [-INF, -2.0, -0.0, 0.0, 0.5, 3.0, INF, NAN]


def same(ours, theirs):
    theirs = theirs.detach().numpy() if hasattr(theirs, "detach") else np.asarray(theirs)
    ours = np.asarray(ours)
    assert ours.shape == theirs.shape
    special = ~np.isfinite(theirs) | (theirs == 0)
    np.testing.assert_array_equal(ours[special], theirs[special])
    np.testing.assert_allclose(ours[~special], theirs[~special], rtol=1e-14, atol=0)


def both(values, requires_grad=True):
    return (
        Tensor(np.array(values, dtype=np.float64), requires_grad=requires_grad),
        torch.tensor(values, dtype=torch.float64, requires_grad=requires_grad),
    )


@pytest.mark.parametrize("upstream", [1.0, INF, -INF, NAN])
def test_relu_routes_any_upstream_gradient(upstream):
    x, tx = both(X)
    y, ty = x.relu(), tx.relu()
    same(y.data, ty)
    y.backward(np.full(len(X), upstream))
    ty.backward(torch.full((len(X),), upstream, dtype=torch.float64))
    same(x.grad, tx.grad)


def test_relu_then_sqrt_at_and_below_zero():
    # The issue's example: sqrt'(0) = inf flows back into relu, which must stop it.
    values = [-3.0, -0.0, 0.0, 4.0]
    x, tx = both(values)
    x.relu().sqrt().sum().backward()
    tx.relu().sqrt().sum().backward()
    same(x.grad, tx.grad)
    assert np.array_equal(x.grad, [0.0, 0.0, 0.0, 0.25])


@pytest.mark.parametrize("exponent", [0.0, 0.5, 1.0, 2.0, -1.0, 3.0, 1.5])
def test_power_by_a_constant(exponent):
    # torch computes x ** 0.5 and the gradient's x ** -0.5 with sqrt and rsqrt, which
    # give -inf and nan at -0.0 and -inf where C's pow (NumPy's, and torch's own for
    # tensor exponents) gives +inf and 0; only those two inputs are left out for 0.5.
    values = X
    if exponent == 0.5:
        values = [v for v in X if v != -INF and not (v == 0 and np.signbit(v))]
    x, tx = both(values)
    y, ty = x**exponent, tx**exponent
    same(y.data, ty)
    y.backward(np.ones(len(values)))
    ty.backward(torch.ones(len(values), dtype=torch.float64))
    same(x.grad, tx.grad)


def test_power_with_both_sides_tensors():
    # Every (base, exponent) pair of the grids, 0 ** y and x ** 0 included.
    bases = [-2.0, -0.0, 0.0, 0.5, 2.0, INF]
    exps = [-1.5, -1.0, 0.0, 0.5, 1.0, 2.0]
    a_np, b_np = np.meshgrid(bases, exps, indexing="ij")
    a, ta = both(a_np.ravel().tolist())
    b, tb = both(b_np.ravel().tolist())
    y, ty = a**b, ta**tb
    same(y.data, ty)
    y.sum().backward()
    ty.sum().backward()
    same(a.grad, ta.grad)
    same(b.grad, tb.grad)


@pytest.mark.parametrize("upstream", [1.0, INF, NAN])
def test_power_zero_exponent_and_zero_base_with_odd_upstream(upstream):
    # d(x**0)/dx is 0 even under an inf upstream gradient (torch: where, not multiply);
    # d(0**y)/dy multiplies the upstream gradient by 0, so inf gives nan (torch too).
    x, tx = both([0.0, 0.0, 2.0])
    yexp, tyexp = both([0.0, 2.0, 0.0])
    y, ty = x**yexp, tx**tyexp
    y.backward(np.full(3, upstream))
    ty.backward(torch.full((3,), upstream, dtype=torch.float64))
    same(x.grad, tx.grad)
    same(yexp.grad, tyexp.grad)


def test_constant_base_to_a_tensor_power():
    # 0.0 ** y and 2.0 ** y: __rpow__ lifts the constant, the same rules apply.
    for base in (0.0, 2.0):
        y, ty = both([-1.0, 0.0, 0.5, 3.0])
        z, tz = base**y, base**ty
        same(z.data, tz)
        z.sum().backward()
        tz.sum().backward()
        same(y.grad, ty.grad)


def test_float32_keeps_its_dtype():
    x = Tensor(np.array([-1.0, 0.0, 2.0], dtype=np.float32), requires_grad=True)
    y = (x.relu() ** 0.0) + x.relu() ** 2.0
    y.sum().backward()
    assert y.dtype == np.float32 and x.grad.dtype == np.float32
