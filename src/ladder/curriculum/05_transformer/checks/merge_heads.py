"""Checks for the merge-heads exercise."""

import torch

from ladder.curriculum.expect import expect_equal, expect_shape


def _mistakes(x):
    B, H, T, D = x.shape
    return [
        (
            x.reshape(B, T, H * D).numpy(),
            "move time before heads first: transpose(1, 2), then flatten",
        ),
        (
            x.permute(0, 2, 3, 1).reshape(B, T, H * D).numpy(),
            "head 0's d channels, then head 1's, for each position: (h, d) order, not (d, h)",
        ),
    ]


def check_small(submitted, reference):
    """(1, 2, 3, 4) heads become (1, 3, 8): head 0's channels first"""
    x = torch.arange(24.0).view(1, 2, 3, 4)  # h = 2, T = 3, d = 4: no two sizes alike
    want = reference(x.clone())
    got = submitted(x)
    expect_shape(got, (1, 3, 8), inputs={"x": x})
    expect_equal(got.numpy(), want.numpy(), inputs={"x": x}, mistakes=_mistakes(x))


def check_inverts_split(submitted, reference):
    """undoes split_heads on a (2, 5, 12) batch with 4 heads"""
    from ladder.transformer.attention import split_heads

    x = torch.randn(2, 5, 12, generator=torch.Generator().manual_seed(0))
    heads = split_heads(x, 4)
    expect_equal(
        submitted(heads).numpy(),
        x.numpy(),
        inputs="x: (2, 5, 12) standard normal (seed 0), split into 4 heads (B=2, h=4, T=5, d=3)",
        mistakes=_mistakes(heads.contiguous()),
    )
