"""Checks for the LayerNorm exercise."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import drive, expect_close


def _pair(submitted, reference, shape, affine=True):
    ref = reference(shape, elementwise_affine=affine, dtype=np.float64)
    sub = submitted(shape, elementwise_affine=affine, dtype=np.float64)
    if affine:
        rng = np.random.default_rng(9)
        ref.weight.data[...] = rng.normal(size=ref.weight.shape)
        ref.bias.data[...] = rng.normal(size=ref.bias.shape)
        sub.load_state_dict(ref.state_dict())
    return sub, ref


def _run(layer, x, g):
    t = Tensor(x.copy(), requires_grad=True)
    y = layer(t)
    y.backward(g)
    return y.data, t.grad


def _case(shape, seed):
    rng = np.random.default_rng(seed)
    return rng.normal(2.0, 3.0, size=shape), rng.normal(size=shape)


def check_no_affine(submitted, reference):
    """each row standardised over its features (biased variance)"""
    sub, ref = _pair(submitted, reference, 5, affine=False)
    x, g = _case((3, 5), 0)
    mu = x.mean(-1, keepdims=True)
    unbiased = (x - mu) / np.sqrt(x.var(-1, ddof=1, keepdims=True) + 1e-5)
    batch = (x - x.mean(0)) / np.sqrt(x.var(0) + 1e-5)
    eps_outside = (x - mu) / (np.sqrt(x.var(-1, keepdims=True)) + 1e-5)
    expect_close(
        drive(sub, _run, x, g)[0],
        _run(ref, x, g)[0],
        inputs={"x": x},
        mistakes=[
            (unbiased, "use the biased variance (divide by the count): correction=0"),
            (
                batch,
                "normalise over the features of each example (the last axis), not over the batch",
            ),
            (eps_outside, "eps goes inside the square root: sqrt(var + eps)"),
        ],
    )


def check_affine(submitted, reference):
    """scales by gamma and shifts by beta"""
    sub, ref = _pair(submitted, reference, 5)
    x, g = _case((3, 5), 1)
    want = _run(ref, x, g)[0]
    plain = (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + 1e-5)
    expect_close(
        drive(sub, _run, x, g)[0],
        want,
        inputs="x (3, 5), random gamma and beta",
        mistakes=[(plain, "multiply by self.weight (gamma) and add self.bias (beta)")],
    )


def check_gradient(submitted, reference):
    """the gradients of x, gamma and beta match"""
    sub, ref = _pair(submitted, reference, 5)
    x, g = _case((4, 5), 2)
    expect_close(drive(sub, _run, x, g)[1], _run(ref, x, g)[1], what="x.grad", inputs="x (4, 5)")
    expect_close(sub.weight.grad, ref.weight.grad, what="weight.grad", inputs="x (4, 5)")
    expect_close(sub.bias.grad, ref.bias.grad, what="bias.grad", inputs="x (4, 5)")


def check_two_axes(submitted, reference):
    """normalized_shape (3, 4) on a (2, 6, 3, 4) input"""
    sub, ref = _pair(submitted, reference, (3, 4))
    x, g = _case((2, 6, 3, 4), 3)
    want = _run(ref, x, g)
    got = drive(sub, _run, x, g)
    last = (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + 1e-5)
    expect_close(
        got[0],
        want[0],
        inputs="x (2, 6, 3, 4), normalized_shape (3, 4)",
        mistakes=[
            (
                last * ref.weight.data + ref.bias.data,
                "normalise over all the axes of normalized_shape (the last k), not the last one",
            )
        ],
    )
    expect_close(got[1], want[1], what="x.grad", inputs="x (2, 6, 3, 4), normalized_shape (3, 4)")
