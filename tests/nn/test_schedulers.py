"""Learning-rate schedules equal ``torch.optim.lr_scheduler``'s sequences.

Tolerance rtol 1e-12: ours are closed forms; torch's cosine schedule is a recursion
whose rounding error grows by ~1 ulp per step, ~1e-14 relative after 50 steps.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

import ladder.nn as nn
from ladder.autograd import Tensor


def lr_sequences(make_ours, make_theirs, steps=50, lr=0.1):
    opt_o = nn.SGD([Tensor(np.zeros(1), requires_grad=True)], lr=lr)
    opt_t = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr)
    sched_o, sched_t = make_ours(opt_o), make_theirs(opt_t)
    ours, theirs = [], []
    for _ in range(steps):
        ours.append(opt_o.lr)
        theirs.append(opt_t.param_groups[0]["lr"])
        opt_o.step(), opt_t.step()
        sched_o.step(), sched_t.step()
    return np.array(ours), np.array(theirs)


@pytest.mark.parametrize(
    "ours,theirs",
    [
        (lambda o: nn.StepLR(o, 7, 0.5), lambda o: torch.optim.lr_scheduler.StepLR(o, 7, 0.5)),
        (
            lambda o: nn.CosineAnnealingLR(o, 30, 1e-3),
            lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, 30, 1e-3),
        ),
        (
            lambda o: nn.LinearWarmup(o, 10, 0.1),
            lambda o: torch.optim.lr_scheduler.LinearLR(o, 0.1, 1.0, 10),
        ),
    ],
    ids=["step", "cosine", "warmup"],
)
def test_schedule_matches_torch(ours, theirs):
    a, b = lr_sequences(ours, theirs, steps=30)  # cosine: torch's recursion is exact to T_max
    np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-15)
