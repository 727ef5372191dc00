"""Checks for the cosine-schedule exercise."""

import math

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import drive, expect_close
from ladder.nn.optim import SGD


def _rates(cls, steps, **kw):
    opt = SGD([Tensor(np.zeros(1), requires_grad=True)], lr=0.1)
    sched = cls(opt, **kw)
    rates = [opt.lr]
    for _ in range(steps):
        sched.step()
        rates.append(opt.lr)
    return np.array(rates)


def check_endpoints(submitted, reference):
    """starts at the base rate, halfway at T/2, eta_min at T"""
    got = drive(submitted, _rates, 10, T_max=10)
    expect_close(
        got[[0, 5, 10]],
        [0.1, 0.05, 0.0],
        atol=1e-12,
        what="lr at t = 0, 5, 10",
        inputs={"base lr": 0.1, "T_max": 10},
        mistakes=[
            (np.array([0.0, 0.05, 0.1]), "the rate falls: use (1 + cos(πt/T)), not (1 − cos)"),
            (
                np.array([0.1, 0.1 * math.cos(math.pi / 2), 0.1 * math.cos(math.pi)]),
                "shift and halve the cosine: (1 + cos(πt/T)) / 2",
            ),
            (
                np.array([0.05 * (1 + math.cos(math.pi * t / 10)) for t in (1, 6, 11)]),
                "off by one: lr_at(t) uses t itself, so lr_at(0) is the base rate",
            ),
        ],
    )


def check_sequence(submitted, reference):
    """the whole sequence with eta_min = 0.01"""
    want = _rates(reference, 25, T_max=20, eta_min=0.01)
    t = np.arange(26)
    expect_close(
        drive(submitted, _rates, 25, T_max=20, eta_min=0.01),
        want,
        what="the rates for t = 0..25",
        inputs={"base lr": 0.1, "T_max": 20, "eta_min": 0.01},
        mistakes=[
            (
                _rates(reference, 25, T_max=20),
                "add eta_min: the cosine runs from base_lr down to eta_min, not to 0",
            ),
            (
                0.01 + 0.09 * (1 + np.cos(np.pi * np.minimum(t, 20) / 20)) / 2,
                "the closed form goes on past T_max (the rate rises again), as torch's does",
            ),
        ],
    )
