"""Checks for the SwiGLU exercise."""

import torch
import torch.nn.functional as F

from ladder.curriculum.expect import expect_close


def _weights(seed, d=6, hidden=10):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(hidden, d, generator=g), torch.randn(hidden, d, generator=g),
            torch.randn(d, hidden, generator=g) / 3)  # fmt: skip


def check_gated_feed_forward(submitted, reference):
    """down(silu(gate(x)) * up(x)) on a (2, 4, 6) input, hidden width 10"""
    wg, wu, wd = _weights(0)
    x = torch.randn(2, 4, 6, generator=torch.Generator().manual_seed(1))
    want = reference(x, wg, wu, wd)
    expect_close(
        submitted(x, wg, wu, wd), want, rtol=1e-5, atol=1e-5,
        inputs={"x": "(2, 4, 6)", "w_gate": "(10, 6)", "w_up": "(10, 6)", "w_down": "(6, 10)"},
        mistakes=[
            (F.linear(F.silu(F.linear(x, wu)) * F.linear(x, wg), wd),
             "the SiLU goes on the gate projection, not on the up projection"),
            (F.linear(torch.sigmoid(F.linear(x, wg)) * F.linear(x, wu), wd),
             "SiLU(z) is z · σ(z), not σ(z) alone"),
            (F.linear(F.gelu(F.linear(x, wg)) * F.linear(x, wu), wd), "use SiLU, not GELU"),
            (F.linear(F.relu(F.linear(x, wg)) * F.linear(x, wu), wd), "use SiLU, not ReLU"),
        ],
    )  # fmt: skip


def check_negative_gates(submitted, reference):
    """negative gate pre-activations are damped, not cut to zero"""
    wg, wu, wd = _weights(2, d=3, hidden=5)
    x = -torch.ones(1, 3) * 2
    expect_close(submitted(x, wg, wu, wd), reference(x, wg, wu, wd), rtol=1e-5, atol=1e-6,
                 inputs={"x": x})  # fmt: skip
