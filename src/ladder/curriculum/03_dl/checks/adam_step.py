"""Checks for the Adam exercise: 20-step trajectories on a quadratic."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import drive, expect_close

A = np.array([[3.0, 0.5], [0.5, 1.0]])
B = np.array([1.0, -2.0])


def trajectory(cls, steps=20, scale=1.0, **kw):
    """Two parameters, gradients ``scale`` · (Ap − B) and ``scale`` · 100 q, ``steps`` steps."""
    p, q = (
        Tensor(np.array([2.0, 2.0]), requires_grad=True),
        Tensor(np.array([[1.0, -3.0]]), requires_grad=True),
    )
    opt = cls([p, q], **kw)
    path = []
    for _ in range(steps):
        p.grad, q.grad = scale * (A @ p.data - B), scale * 100.0 * q.data
        opt.step()
        path.append(np.r_[p.data, q.data.ravel()])
    return np.array(path)


def _mistaken(wrong, steps, lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, scale=1.0):
    """The trajectory of an Adam with one known mistake, written out in NumPy."""
    b1, b2 = betas
    p, q = np.array([2.0, 2.0]), np.array([1.0, -3.0])
    m = [np.zeros(2), np.zeros(2)]
    v = [np.zeros(2), np.zeros(2)]
    path = []
    for t in range(1, steps + 1):
        for k, (x, g) in enumerate(((p, scale * (A @ p - B)), (q, scale * 100.0 * q))):
            if weight_decay and wrong == "decoupled":
                x *= 1 - lr * weight_decay
            elif weight_decay:
                g = g + weight_decay * x
            m[k] = b1 * m[k] + (1 - b1) * g
            v[k] = b2 * v[k] + (1 - b2) * g * g
            tt = t + 1 if wrong == "t_plus_one" else t
            c1, c2 = (1.0, 1.0) if wrong == "no_correction" else (1 - b1**tt, 1 - b2**tt)
            if wrong == "eps_inside":
                denom = np.sqrt(v[k] / c2 + eps)
            elif wrong == "eps_uncorrected":
                denom = (np.sqrt(v[k]) + eps) / np.sqrt(c2)
            else:
                denom = np.sqrt(v[k]) / np.sqrt(c2) + eps
            x -= lr / c1 * m[k] / denom
        path.append(np.r_[p, q])
    return np.array(path)


def _no_correction(steps, lr):
    return _mistaken("no_correction", steps, lr)


def check_first_step(submitted, reference):
    """the first step moves every coordinate by about lr"""
    expect_close(
        drive(submitted, trajectory, 1, lr=0.1),
        trajectory(reference, 1, lr=0.1),
        what="the parameters after one step",
        inputs="p0 = [2, 2], q0 = [1, −3]; lr 0.1",
        mistakes=[
            (_no_correction(1, 0.1), "divide by the bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ"),
            (
                _mistaken("t_plus_one", 1, 0.1),
                "t is self.steps: 1 on the first step (an off-by-one in the bias correction)",
            ),
        ],
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
    want = trajectory(reference, **kw)
    expect_close(
        drive(submitted, trajectory, **kw),
        want,
        what="the trajectory",
        inputs="20 steps, lr 0.02, betas (0.8, 0.99), eps 1e-6, weight_decay 0.05",
        mistakes=[
            (
                _mistaken("decoupled", 20, **kw),
                "Adam's weight decay is L2: add weight_decay * p to the gradient "
                "(shrinking the weights is AdamW)",
            ),
            (_mistaken("t_plus_one", 20, **kw), "t is self.steps, starting at 1"),
        ],
    )


def check_small_gradients(submitted, reference):
    """gradients of about 1e-6, where eps's place shows: sqrt(v̂) + eps"""
    kw = dict(lr=0.01, eps=1e-6, scale=1e-6)
    want = trajectory(reference, 5, **kw)
    expect_close(
        drive(submitted, trajectory, 5, **kw),
        want,
        what="the trajectory",
        inputs="5 steps, lr 0.01, eps 1e-6, gradients scaled by 1e-6",
        mistakes=[
            (
                _mistaken("eps_inside", 5, 0.01, eps=1e-6, scale=1e-6),
                "add eps after the square root: sqrt(v̂) + eps, not sqrt(v̂ + eps)",
            ),
            (
                _mistaken("eps_uncorrected", 5, 0.01, eps=1e-6, scale=1e-6),
                "add eps to the corrected sqrt(v̂) = sqrt(v) / sqrt(1 − β₂ᵗ), not to sqrt(v)",
            ),
        ],
    )
