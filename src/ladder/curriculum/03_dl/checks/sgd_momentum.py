"""Checks for the SGD-with-momentum exercise: 20-step trajectories on a quadratic."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import drive, expect_close
from ladder.nn.optim import SGD

A = np.array([[3.0, 0.5], [0.5, 1.0]])
B = np.array([1.0, -2.0])


class _Mistaken(SGD):
    """SGD with one known mistake, to name it when a trajectory matches."""

    mistake = ""

    def _update(self, p, g, state) -> None:
        wrong = self.mistake
        if self.weight_decay and wrong != "decoupled":
            g = g + self.weight_decay * p.data
        if self.momentum:
            if "momentum_buffer" not in state:
                first = (1 - self.dampening) * g if wrong == "zero_start" else g.copy()
                buf = state["momentum_buffer"] = first
            else:
                buf = state["momentum_buffer"]
                buf *= self.momentum
                buf += (1 - self.dampening) * g
            g = g + self.momentum * buf if self.nesterov else buf
        if self.weight_decay and wrong == "decoupled":
            p.data *= 1 - self.lr * self.weight_decay
        p.data -= self.lr * g


def _mistaken(which):
    return type(f"SGD_{which}", (_Mistaken,), {"mistake": which})


def trajectory(cls, steps=20, **kw):
    """Minimise ½pᵀAp − Bᵀp (gradient Ap − B) and a second parameter ½‖q‖², from fixed starts."""
    p, q = (
        Tensor(np.array([2.0, 2.0]), requires_grad=True),
        Tensor(np.array([[1.0, -3.0]]), requires_grad=True),
    )
    opt = cls([p, q], **kw)
    path = []
    for _ in range(steps):
        p.grad, q.grad = A @ p.data - B, q.data.copy()
        opt.step()
        path.append(np.r_[p.data, q.data.ravel()])
    return np.array(path)


def check_plain(submitted, reference):
    """momentum 0: plain gradient steps"""
    expect_close(
        drive(submitted, trajectory, lr=0.1),
        trajectory(reference, lr=0.1),
        what="the trajectory",
        inputs="20 steps, lr 0.1, momentum 0",
    )


def check_momentum(submitted, reference):
    """momentum 0.9: the buffer starts at the first gradient"""
    ref = trajectory(reference, lr=0.05, momentum=0.9)
    wrong = trajectory(reference, lr=0.05, momentum=0.9, dampening=0.9)
    expect_close(
        drive(submitted, trajectory, lr=0.05, momentum=0.9),
        ref,
        what="the trajectory",
        inputs="20 steps, lr 0.05, momentum 0.9",
        mistakes=[
            (wrong, "PyTorch's buffer is b = μb + g (no (1 − μ) factor), starting at b = g"),
            (
                trajectory(reference, lr=0.05),
                "keep the buffer in state['momentum_buffer'] from one step to the next",
            ),
        ],
    )


def check_nesterov(submitted, reference):
    """Nesterov steps with g + μb"""
    expect_close(
        drive(submitted, trajectory, lr=0.05, momentum=0.9, nesterov=True),
        trajectory(reference, lr=0.05, momentum=0.9, nesterov=True),
        what="the trajectory",
        inputs="20 steps, lr 0.05, momentum 0.9, nesterov=True",
        mistakes=[
            (
                trajectory(reference, lr=0.05, momentum=0.9),
                "with nesterov, step along g + momentum * b, not b",
            )
        ],
    )


def check_weight_decay_and_dampening(submitted, reference):
    """weight decay is added to the gradient; dampening scales the new gradient"""
    kw = dict(lr=0.05, momentum=0.8, dampening=0.3, weight_decay=0.1)
    want = trajectory(reference, **kw)
    expect_close(
        drive(submitted, trajectory, **kw),
        want,
        what="the trajectory",
        inputs="20 steps, lr 0.05, momentum 0.8, dampening 0.3, weight_decay 0.1",
        mistakes=[
            (
                trajectory(_mistaken("decoupled"), **kw),
                "SGD's weight decay is added to the gradient (g + λp) before the momentum",
            ),
            (
                trajectory(_mistaken("zero_start"), **kw),
                "the first buffer is g itself, undamped: dampening applies from the second step",
            ),
        ],
    )
