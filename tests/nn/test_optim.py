"""Each optimiser's parameter trajectory over 20 steps equals ``torch.optim``'s.

One helper, :func:`trajectories`, trains the same tiny model (a 2-layer tanh net on a
fixed regression batch, so gradients change from step to step) with our optimiser and
with torch's, from the same float64 weights, and compares all parameters after EVERY step.

Tolerance: rtol 1e-9 / atol 1e-12 in float64. Both sides apply the same update formulas;
torch fuses some of them (``addcdiv_``, ``lerp_``) so results differ by rounding
(~1e-16 per step). Adam's division by :math:`\\sqrt v + \\epsilon` can amplify that when
:math:`v` is tiny, so the observed gap is ~1e-13 after 20 steps — far inside 1e-9.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

import ladder.nn as nn
from ladder.autograd import Tensor

RTOL, ATOL = 1e-9, 1e-12
STEPS = 20

rng = np.random.default_rng(0)
X, Y = rng.normal(size=(16, 4)), rng.normal(size=(16, 2))
W1, B1 = rng.normal(size=(6, 4)) * 0.5, rng.normal(size=6) * 0.1
W2, B2 = rng.normal(size=(2, 6)) * 0.5, rng.normal(size=2) * 0.1


def trajectories(make_ours, make_theirs):
    po = [Tensor(a.copy(), requires_grad=True) for a in (W1, B1, W2, B2)]
    pt = [torch.tensor(a.copy(), requires_grad=True) for a in (W1, B1, W2, B2)]
    opt_o, opt_t = make_ours(po), make_theirs(pt)
    x, y = Tensor(X), Tensor(Y)
    xt, yt = torch.tensor(X), torch.tensor(Y)
    for step in range(STEPS):
        loss_o = nn.mse_loss((x @ po[0].T + po[1]).tanh() @ po[2].T + po[3], y)
        loss_t = torch.nn.functional.mse_loss(
            torch.tanh(xt @ pt[0].T + pt[1]) @ pt[2].T + pt[3], yt
        )
        opt_o.zero_grad(), opt_t.zero_grad()
        loss_o.backward(), loss_t.backward()
        opt_o.step(), opt_t.step()
        for k, (a, b) in enumerate(zip(po, pt, strict=True)):
            np.testing.assert_allclose(
                a.data,
                b.detach().numpy(),
                rtol=RTOL,
                atol=ATOL,
                err_msg=f"parameter {k} after step {step + 1}",
            )
    moved = np.abs(po[0].data - W1).max()
    assert moved > 1e-3, "the optimiser barely moved: the test would prove nothing"


CASES = {
    "sgd": ({"lr": 0.1}, "SGD"),
    "sgd_momentum": ({"lr": 0.1, "momentum": 0.9}, "SGD"),
    "sgd_dampening_decay": (
        {"lr": 0.1, "momentum": 0.8, "dampening": 0.3, "weight_decay": 0.05},
        "SGD",
    ),
    "sgd_nesterov": ({"lr": 0.1, "momentum": 0.9, "nesterov": True, "weight_decay": 0.01}, "SGD"),
    "rmsprop": ({"lr": 0.01}, "RMSprop"),
    "rmsprop_centered_momentum": (
        {"lr": 0.01, "momentum": 0.9, "centered": True, "weight_decay": 0.01},
        "RMSprop",
    ),
    "adam": ({"lr": 0.05}, "Adam"),
    "adam_l2_amsgrad": (
        {"lr": 0.05, "weight_decay": 0.1, "amsgrad": True, "betas": (0.8, 0.99)},
        "Adam",
    ),
    "adamw": ({"lr": 0.05, "weight_decay": 0.1}, "AdamW"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_trajectory_matches_torch(case):
    kwargs, name = CASES[case]
    trajectories(
        lambda p: getattr(nn, name)(p, **kwargs), lambda p: getattr(torch.optim, name)(p, **kwargs)
    )


def test_empty_parameter_list_is_explained():
    with pytest.raises(ValueError, match="model.parameters"):
        nn.SGD([], lr=0.1)
