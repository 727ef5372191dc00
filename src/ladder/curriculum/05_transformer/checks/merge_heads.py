"""Checks for the merge-heads exercise."""

import torch

from ladder.curriculum.expect import expect_equal, expect_shape


def check_small(submitted, reference):
    """(1, 2, 2, 2) heads become (1, 2, 4): head 0's channels first"""
    x = torch.arange(8.0).view(1, 2, 2, 2)
    got = submitted(x)
    expect_shape(got, (1, 2, 4), inputs={"x": x})
    expect_equal(
        got.numpy(),
        reference(x).numpy(),
        inputs={"x": x},
        mistakes=[
            (
                x.reshape(1, 2, 4).numpy(),
                "move time before heads first: transpose(1, 2), then flatten",
            )
        ],
    )


def check_inverts_split(submitted, reference):
    """undoes split_heads on a (2, 3, 8) batch with 4 heads"""
    from ladder.transformer.attention import split_heads

    x = torch.randn(2, 3, 8, generator=torch.Generator().manual_seed(0))
    expect_equal(
        submitted(split_heads(x, 4)).numpy(),
        x.numpy(),
        inputs="x: (2, 3, 8) standard normal (seed 0), split into 4 heads",
    )
