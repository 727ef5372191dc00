"""Checks for the SGD-with-momentum exercise: 20-step trajectories on a quadratic."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import drive, expect_close

A = np.array([[3.0, 0.5], [0.5, 1.0]])
B = np.array([1.0, -2.0])


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
        mistakes=[(wrong, "PyTorch's buffer is b = μb + g (no (1 − μ) factor), starting at b = g")],
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
    expect_close(
        drive(submitted, trajectory, **kw),
        trajectory(reference, **kw),
        what="the trajectory",
        inputs="20 steps, lr 0.05, momentum 0.8, dampening 0.3, weight_decay 0.1",
    )
