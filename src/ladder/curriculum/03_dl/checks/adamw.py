"""Checks for the AdamW exercise: 20-step trajectories."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import drive, expect_close
from ladder.nn.optim import Adam

A = np.array([[3.0, 0.5], [0.5, 1.0]])
B = np.array([1.0, -2.0])


class _DecayWithoutLr(Adam):
    """Known mistake: shrinks by (1 − weight_decay), forgetting the learning rate."""

    def _decay(self, p, g):
        p.data *= 1 - self.weight_decay
        return g


class _DecayWithFirstLr(Adam):
    """Known mistake: decays with the learning rate the optimiser was built with."""

    def __init__(self, params, lr=1e-3, **kw):
        super().__init__(params, lr, **kw)
        self.first_lr = lr

    def _decay(self, p, g):
        p.data *= 1 - self.first_lr * self.weight_decay
        return g


def trajectory(cls, steps=20, **kw):
    p = Tensor(np.array([2.0, 2.0]), requires_grad=True)
    opt = cls([p], **kw)
    path = []
    for _ in range(steps):
        p.grad = A @ p.data - B
        opt.step()
        path.append(p.data.copy())
    return np.array(path)


def check_no_decay(submitted, reference):
    """weight_decay 0 is plain Adam"""
    expect_close(
        drive(submitted, trajectory, lr=0.05, weight_decay=0.0),
        trajectory(reference, lr=0.05, weight_decay=0.0),
        what="the trajectory",
        inputs="20 steps, lr 0.05, weight_decay 0",
    )


def check_decoupled(submitted, reference):
    """decay 0.5 shrinks the weights, not the gradient"""
    kw = dict(lr=0.05, weight_decay=0.5)
    l2 = trajectory(Adam, **kw)
    expect_close(
        drive(submitted, trajectory, **kw),
        trajectory(reference, **kw),
        what="the trajectory",
        inputs="20 steps, lr 0.05, weight_decay 0.5",
        mistakes=[
            (
                l2,
                "that is Adam's L2 (λθ added to the gradient): "
                "shrink p.data instead and return g unchanged",
            ),
            (trajectory(Adam, lr=0.05), "apply the decay: p.data *= 1 - lr * weight_decay"),
            (
                trajectory(_DecayWithoutLr, **kw),
                "scale the decay by the learning rate: p.data *= 1 - lr * weight_decay",
            ),
        ],
    )


def changing_lr(cls):
    """Ten steps with the learning rate set to 0.1 / (1 + t) before each."""
    p = Tensor(np.array([2.0, 2.0]), requires_grad=True)
    opt = cls([p], lr=0.1, weight_decay=0.3)
    for t in range(10):
        opt.lr = 0.1 / (1 + t)
        p.grad = A @ p.data - B
        opt.step()
    return p.data


def check_lr_changes(submitted, reference):
    """uses the current lr (a scheduler may change it)"""
    want = changing_lr(reference)
    expect_close(
        drive(submitted, changing_lr),
        want,
        what="p after 10 steps",
        inputs="lr set to 0.1/(1 + t) before each step, weight_decay 0.3",
        mistakes=[
            (
                changing_lr(_DecayWithFirstLr),
                "use the current self.lr: a scheduler changes it between steps",
            )
        ],
    )
