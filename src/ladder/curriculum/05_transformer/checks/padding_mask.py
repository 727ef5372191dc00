"""Checks for the padding-mask exercise."""

import torch

from ladder.curriculum.expect import expect_dtype, expect_equal, expect_raises, expect_shape


def check_shape_and_values(submitted, reference):
    """(B, T) 1/0 becomes a (B, 1, 1, T) boolean keep mask"""
    am = torch.tensor([[1, 1, 1, 0], [1, 1, 0, 0]])
    got = submitted(am)
    expect_shape(got, (2, 1, 1, 4), inputs={"attention_mask": am})
    expect_dtype(got, "b", inputs={"attention_mask": am})
    expect_equal(
        got.numpy(),
        reference(am).numpy(),
        inputs={"attention_mask": am},
        mistakes=[
            ((~reference(am)).numpy(), "True must mean 'real token' (may attend), not padding")
        ],
    )


def check_broadcasts_over_scores(submitted, reference):
    """broadcasts against (B, h, T, T) scores"""
    am = torch.tensor([[1, 0, 1]])
    scores = torch.zeros(1, 2, 3, 3)
    got = scores.masked_fill(~submitted(am), float("-inf"))
    expect_equal(
        got.numpy(),
        scores.masked_fill(~reference(am), float("-inf")).numpy(),
        inputs={"attention_mask": am, "scores": "zeros (1, 2, 3, 3)"},
    )


def check_rejects_1d(submitted, reference):
    """a 1-D mask is an error (ValueError)"""
    expect_raises(
        ValueError, submitted, torch.tensor([1, 1, 0]), inputs={"attention_mask": [1, 1, 0]}
    )
