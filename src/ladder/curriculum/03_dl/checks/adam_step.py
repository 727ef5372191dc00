"""Checks for the Adam exercise: 20-step trajectories on a quadratic."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import drive, expect_close

A = np.array([[3.0, 0.5], [0.5, 1.0]])
B = np.array([1.0, -2.0])


def trajectory(cls, steps=20, **kw):
    p, q = (
        Tensor(np.array([2.0, 2.0]), requires_grad=True),
        Tensor(np.array([[1.0, -3.0]]), requires_grad=True),
    )
    opt = cls([p, q], **kw)
    path = []
    for _ in range(steps):
        p.grad, q.grad = A @ p.data - B, 100.0 * q.data
        opt.step()
        path.append(np.r_[p.data, q.data.ravel()])
    return np.array(path)


def _no_correction(steps, lr):
    p, q = np.array([2.0, 2.0]), np.array([1.0, -3.0])
    m = [np.zeros(2), np.zeros(2)]
    v = [np.zeros(2), np.zeros(2)]
    path = []
    for _ in range(steps):
        for k, (x, g) in enumerate(((p, A @ p - B), (q, 100.0 * q))):
            m[k] = 0.9 * m[k] + 0.1 * g
            v[k] = 0.999 * v[k] + 0.001 * g * g
            x -= lr * m[k] / (np.sqrt(v[k]) + 1e-8)
        path.append(np.r_[p, q])
    return np.array(path)


def check_first_step(submitted, reference):
    """the first step moves every coordinate by about lr"""
    expect_close(
        drive(submitted, trajectory, 1, lr=0.1),
        trajectory(reference, 1, lr=0.1),
        what="the parameters after one step",
        inputs="p0 = [2, 2], q0 = [1, −3]; lr 0.1",
        mistakes=[(_no_correction(1, 0.1), "divide by the bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ")],
    )


def check_twenty_steps(submitted, reference):
    """20 steps follow the reference"""
    expect_close(
        drive(submitted, trajectory, lr=0.05),
        trajectory(reference, lr=0.05),
        what="the trajectory",
        inputs="20 steps, lr 0.05",
        mistakes=[
            (_no_correction(20, 0.05), "divide by the bias corrections, with t = self.steps")
        ],
    )


def check_betas_and_decay(submitted, reference):
    """other betas, and weight decay added to the gradient"""
    kw = dict(lr=0.02, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.05)
    expect_close(
        drive(submitted, trajectory, **kw),
        trajectory(reference, **kw),
        what="the trajectory",
        inputs="20 steps, lr 0.02, betas (0.8, 0.99), eps 1e-6, weight_decay 0.05",
    )
