"""Checks for the split-heads exercise."""

import torch

from ladder.curriculum.expect import expect_equal, expect_shape


def check_small(submitted, reference):
    """(1, 2, 4) with 2 heads: head 0 gets channels 0–1 of each position"""
    x = torch.arange(8.0).view(1, 2, 4)
    got = submitted(x, 2)
    expect_shape(got, (1, 2, 2, 2), inputs={"x": x, "n_head": 2})
    expect_equal(
        got.numpy(),
        reference(x, 2).numpy(),
        inputs={"x": x, "n_head": 2},
        mistakes=[
            (
                x.reshape(1, 2, 2, 2).numpy(),
                "a plain reshape mixes time steps into heads: "
                "view (B, T, h, d), then transpose(1, 2)",
            )
        ],
    )


def check_batch(submitted, reference):
    """a (3, 5, 12) batch with 4 heads"""
    x = torch.randn(3, 5, 12, generator=torch.Generator().manual_seed(0))
    expect_equal(
        submitted(x, 4).numpy(),
        reference(x, 4).numpy(),
        inputs="x: (3, 5, 12) standard normal (seed 0), n_head=4",
    )
