"""Checks for the LSTM-cell exercise."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import drive, expect_close
from ladder.nn import init


def _pair(submitted, reference):
    init.manual_seed(0)
    ref = reference(3, 4, batch_first=True, dtype=np.float64)
    sub = submitted(3, 4, batch_first=True, dtype=np.float64)
    sub.load_state_dict(ref.state_dict())
    return sub, ref


def _run(layer, x):
    t = Tensor(x.copy(), requires_grad=True)
    out, (h, c) = layer(t)
    (out.sum() + (c * c).sum()).backward()
    return out.data, c.data, t.grad, layer.weight_hh_l0.grad, layer.bias_ih_l0.grad


def _x(steps, seed=0):
    return np.random.default_rng(seed).normal(size=(2, steps, 3))


def check_one_step(submitted, reference):
    """one step from h = c = 0: h' = o ⊙ tanh(i ⊙ g)"""
    sub, ref = _pair(submitted, reference)
    x = _x(1)
    got, want = drive(sub, _run, x), _run(ref, x)
    expect_close(got[0], want[0], what="h after one step", inputs="x (N=2, T=1, I=3), H = 4")
    expect_close(got[1], want[1], what="c after one step", inputs="x (N=2, T=1, I=3), H = 4")


def check_sequence(submitted, reference):
    """five steps: outputs and final cell state"""
    sub, ref = _pair(submitted, reference)
    x = _x(5, 1)
    got, want = drive(sub, _run, x), _run(ref, x)
    expect_close(got[0], want[0], what="the outputs h_1..h_5", inputs="x (2, 5, 3), H = 4")
    expect_close(got[1], want[1], what="c_5", inputs="x (2, 5, 3), H = 4")


def check_gradients(submitted, reference):
    """backpropagation through time gives the same gradients"""
    sub, ref = _pair(submitted, reference)
    x = _x(5, 2)
    got, want = drive(sub, _run, x), _run(ref, x)
    for what, i in (("x.grad", 2), ("weight_hh_l0.grad", 3), ("bias_ih_l0.grad", 4)):
        expect_close(got[i], want[i], what=what, inputs="loss = sum(outputs) + sum(c_5²)")
