"""Checks for the Linear-backward exercise."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import drive, expect_close
from ladder.nn import init


def _pair(submitted, reference, bias=True):
    init.manual_seed(0)
    ref = reference(4, 3, bias=bias, dtype=np.float64)
    sub = submitted(4, 3, bias=bias, dtype=np.float64)
    sub.load_state_dict(ref.state_dict())
    return sub, ref


def _run(layer, x, g):
    t = Tensor(x.copy(), requires_grad=True)
    y = layer(t)
    y.backward(g)
    return y.data, t.grad, layer.weight.grad, (layer.bias.grad if layer.bias is not None else None)


def _data(seed=0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(5, 4)), rng.normal(size=(5, 3))


def check_forward(submitted, reference):
    """Y = X Wᵀ + b"""
    sub, ref = _pair(submitted, reference)
    x, g = _data()
    W, _b = ref.weight.data, ref.bias.data
    expect_close(
        drive(sub, _run, x, g)[0],
        _run(ref, x, g)[0],
        inputs="X (5, 4), W (3, 4), b (3,)",
        mistakes=[(x @ W.T, "add the bias b")],
    )


def check_input_gradient(submitted, reference):
    """dL/dX = G W"""
    sub, ref = _pair(submitted, reference)
    x, g = _data(1)
    expect_close(
        drive(sub, _run, x, g)[1],
        _run(ref, x, g)[1],
        what="x.grad",
        inputs="X (5, 4), G = dL/dY (5, 3)",
    )


def check_weight_gradient(submitted, reference):
    """dL/dW = Gᵀ X, shaped like W (out, in)"""
    sub, ref = _pair(submitted, reference)
    x, g = _data(2)
    expect_close(
        drive(sub, _run, x, g)[2],
        _run(ref, x, g)[2],
        what="weight.grad",
        inputs="X (5, 4), G (5, 3); W is (3, 4)",
        mistakes=[(x.T @ g, "W is (out, in): its gradient is Gᵀ X, not Xᵀ G")],
    )


def check_bias_gradient(submitted, reference):
    """dL/db sums G over the batch"""
    sub, ref = _pair(submitted, reference)
    x, g = _data(3)
    expect_close(
        drive(sub, _run, x, g)[3],
        _run(ref, x, g)[3],
        what="bias.grad",
        inputs="G (5, 3)",
        mistakes=[
            (g.mean(0), "sum over the batch, do not average"),
            (g.sum(1), "sum over the batch axis (0)"),
        ],
    )


def check_without_bias(submitted, reference):
    """works with bias=False"""
    sub, ref = _pair(submitted, reference, bias=False)
    x, g = _data(4)
    got, want = drive(sub, _run, x, g), _run(ref, x, g)
    expect_close(got[0], want[0], inputs="Linear(4, 3, bias=False)")
    expect_close(got[2], want[2], what="weight.grad", inputs="Linear(4, 3, bias=False)")
