"""Checks for the pre-norm encoder-layer exercise: same weights as the reference."""

import torch

from ladder.curriculum.expect import expect_close
from ladder.transformer.block import PostNormEncoderLayer


def _pair(submitted, reference):
    torch.manual_seed(0)
    ref = reference(8, 2, 16).double().eval()
    sub = submitted(8, 2, 16).double().eval()
    sub.load_state_dict(ref.state_dict())
    other = PostNormEncoderLayer(8, 2, 16).double().eval()
    other.load_state_dict(ref.state_dict())
    for ln in (ref.norm1, ref.norm2):  # non-trivial gains so a missing norm shows
        ln.weight.data.uniform_(0.5, 1.5)
        ln.bias.data.uniform_(-0.5, 0.5)
    sub.load_state_dict(ref.state_dict())
    other.load_state_dict(ref.state_dict())
    return sub, ref, other


def check_forward(submitted, reference):
    """x + Attn(LN₁(x)), then + FFN(LN₂(x)) on (2, 3, 8)"""
    sub, ref, other = _pair(submitted, reference)
    x = torch.randn(2, 3, 8, generator=torch.Generator().manual_seed(1), dtype=torch.float64)
    with torch.no_grad():
        got, want, other_out = sub(x), ref(x), other(x)
    expect_close(
        got,
        want,
        inputs="x: (2, 3, 8) standard normal (seed 1), d_model=8, n_head=2, d_ff=16",
        mistakes=[(other_out, "that is other-norm: normalise the sub-layer's input, not the sum")],
    )


def check_causal(submitted, reference):
    """passes a causal mask to the self-attention"""
    sub, ref, _ = _pair(submitted, reference)
    x = torch.randn(1, 4, 8, generator=torch.Generator().manual_seed(2), dtype=torch.float64)
    mask = torch.ones(4, 4, dtype=torch.bool).tril()
    with torch.no_grad():
        got, want, unmasked = sub(x, mask), ref(x, mask), ref(x)
    expect_close(
        got,
        want,
        inputs={"x": "(1, 4, 8) (seed 2)", "mask": mask.int()},
        mistakes=[(unmasked, "pass mask on to self_attn")],
    )
