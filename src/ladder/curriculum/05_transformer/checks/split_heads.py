"""Checks for the split-heads exercise."""

import torch

from ladder.curriculum.expect import expect_equal, expect_shape


def _mistakes(x, n_head):
    B, T, C = x.shape
    d = C // n_head
    return [
        (
            x.reshape(B, n_head, T, d).numpy(),
            "a plain reshape mixes time steps into heads: view (B, T, h, d), then transpose(1, 2)",
        ),
        (
            x.view(B, T, d, n_head).permute(0, 3, 1, 2).numpy(),
            "head h gets channels h·d … (h+1)·d − 1, a block: view (B, T, h, d), not (B, T, d, h)",
        ),
    ]


def check_small(submitted, reference):
    """(1, 3, 8) with 2 heads: head 0 gets channels 0–3 of each position"""
    x = torch.arange(24.0).view(1, 3, 8)  # T = 3, h = 2, d = 4: no two sizes alike
    want = reference(x.clone(), 2)
    got = submitted(x, 2)
    expect_shape(got, (1, 2, 3, 4), inputs={"x": x, "n_head": 2})
    expect_equal(got.numpy(), want.numpy(), inputs={"x": x, "n_head": 2}, mistakes=_mistakes(x, 2))


def check_batch(submitted, reference):
    """a (2, 5, 12) batch with 4 heads (B = 2, T = 5, h = 4, d = 3)"""
    x = torch.randn(2, 5, 12, generator=torch.Generator().manual_seed(0))
    want = reference(x.clone(), 4)
    expect_equal(
        submitted(x, 4).numpy(),
        want.numpy(),
        inputs="x: (2, 5, 12) standard normal (seed 0), n_head=4",
        mistakes=_mistakes(x, 4),
    )
