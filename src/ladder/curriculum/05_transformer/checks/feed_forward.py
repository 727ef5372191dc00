"""Checks for the feed-forward exercise: same weights as the reference, same result."""

import torch
import torch.nn.functional as F

from ladder.curriculum.expect import expect_close, expect_shape


def _pair(submitted, reference, activation="relu"):
    torch.manual_seed(0)
    ref = reference(4, 16, activation=activation).double().eval()
    sub = submitted(4, 16, activation=activation).double().eval()
    sub.load_state_dict(ref.state_dict())
    return sub, ref


def check_relu(submitted, reference):
    """ReLU network on (2, 3, 4), d_ff = 16"""
    sub, ref = _pair(submitted, reference)
    x = torch.randn(2, 3, 4, generator=torch.Generator().manual_seed(1), dtype=torch.float64)
    with torch.no_grad():
        got, want = sub(x), ref(x)
        no_act = ref.linear2(ref.linear1(x))
        act_last = F.relu(ref.linear2(ref.linear1(x)))
    inputs = "x: (2, 3, 4) standard normal (seed 1), d_model=4, d_ff=16, weights copied"
    expect_shape(got, (2, 3, 4), inputs=inputs)
    expect_close(
        got,
        want,
        inputs=inputs,
        mistakes=[
            (no_act, "apply the activation between the two linear layers"),
            (act_last, "the activation goes after linear1, not after linear2"),
        ],
    )


def check_gelu(submitted, reference):
    """uses the chosen activation (GELU)"""
    sub, ref = _pair(submitted, reference, "gelu")
    x = torch.randn(1, 2, 4, generator=torch.Generator().manual_seed(2), dtype=torch.float64)
    with torch.no_grad():
        expect_close(
            sub(x),
            ref(x),
            inputs="x: (1, 2, 4), activation='gelu'",
            mistakes=[(ref.linear2(F.relu(ref.linear1(x))), "use self.act, not a fixed ReLU")],
        )
