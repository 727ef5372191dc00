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


def _sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def _first_step_mistakes(ref, x):
    """(h, c) after one step from zero state, for known wrong cells: h (N, 1, H), c (1, N, H)."""
    H = ref.hidden_size
    a = x[:, 0] @ ref.weight_ih_l0.data.T + ref.bias_ih_l0.data + ref.bias_hh_l0.data
    blocks = [a[:, k * H : (k + 1) * H] for k in range(4)]
    i, g, o = _sig(blocks[0]), np.tanh(blocks[2]), _sig(blocks[3])
    cells = {
        "the blocks are in the order i, f, g, o: g is the third, o the fourth": (
            _sig(blocks[2]),
            _sig(blocks[0]) * np.tanh(blocks[3]),
        ),
        "c' = f ⊙ c + i ⊙ g: the input gate i scales g": (o, g),
        "g is tanh of its block (a candidate in [−1, 1]), not a sigmoid": (o, i * _sig(blocks[2])),
    }
    out = []
    for why, (o_, c_) in cells.items():
        out.append((why, (o_ * np.tanh(c_))[:, None, :], c_[None]))
    out.append(("h' = o ⊙ tanh(c'): apply tanh to the cell state", (o * i * g)[:, None, :], None))
    return out


def check_one_step(submitted, reference):
    """one step from h = c = 0: h' = o ⊙ tanh(i ⊙ g)"""
    sub, ref = _pair(submitted, reference)
    x = _x(1)
    want = _run(ref, x)
    got = drive(sub, _run, x)
    wrong = _first_step_mistakes(ref, x)
    inputs = "x (N=2, T=1, I=3), H = 4"
    expect_close(
        got[0],
        want[0],
        what="h after one step",
        inputs=inputs,
        mistakes=[(h, why) for why, h, _ in wrong],
    )
    expect_close(
        got[1],
        want[1],
        what="c after one step",
        inputs=inputs,
        mistakes=[(c, why) for why, _, c in wrong if c is not None],
    )


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
