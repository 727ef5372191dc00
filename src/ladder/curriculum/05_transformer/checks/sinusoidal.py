"""Checks for the sinusoidal position-table exercise."""

import math

import torch

from ladder.curriculum.expect import expect_close, expect_raises, expect_shape


def check_first_rows(submitted, reference):
    """position 0 is (0, 1, 0, 1); position 1 starts with sin 1 = 0.841, cos 1 = 0.540"""
    got = submitted(2, 4)
    expect_shape(got, (2, 4), inputs={"n_positions": 2, "d_model": 4})
    swapped = reference(2, 4)[:, [1, 0, 3, 2]]
    expect_close(
        got,
        reference(2, 4),
        rtol=1e-6,
        atol=1e-7,
        inputs={"n_positions": 2, "d_model": 4},
        mistakes=[(swapped, "sin goes in the even channels (2i), cos in the odd ones (2i+1)")],
    )


def check_larger_table(submitted, reference):
    """a (50, 16) table in float64 matches the formula"""
    got = submitted(50, 16, torch.float64)
    pos = torch.arange(50, dtype=torch.float64)[:, None]
    i = torch.arange(8, dtype=torch.float64)
    wrong = torch.empty(50, 16, dtype=torch.float64)
    wrong[:, 0::2] = torch.sin(pos / 10000 ** (i / 16))
    wrong[:, 1::2] = torch.cos(pos / 10000 ** (i / 16))
    two_i = torch.arange(0, 16, 2, dtype=torch.float64)
    angle = pos / 10000 ** (two_i / 16)
    halves = torch.cat([torch.sin(angle), torch.cos(angle)], dim=1)
    own = pos / 10000 ** (torch.arange(16, dtype=torch.float64) / 16)
    per_channel = torch.where(torch.arange(16) % 2 == 0, torch.sin(own), torch.cos(own))
    expect_close(
        got,
        reference(50, 16, torch.float64),
        rtol=1e-12,
        atol=1e-12,
        inputs={"n_positions": 50, "d_model": 16, "dtype": "float64"},
        mistakes=[
            (wrong, "the exponent is 2i / d_model, where 2i is the even channel index"),
            (
                halves,
                "interleave: channel 2i holds the sine and 2i+1 the cosine of the same "
                "angle, not all sines then all cosines",
            ),
            (
                per_channel,
                "a channel pair shares one frequency: the odd channel 2i+1 uses 2i in the "
                "exponent, not its own index",
            ),
        ],
    )


def check_dtype(submitted, reference):
    """returns the requested dtype (float32 by default)"""
    got = submitted(3, 6)
    expect_close(
        float(got[2, 0]), math.sin(2.0), rtol=1e-6, inputs={"n_positions": 3, "d_model": 6}
    )
    from ladder.curriculum.expect import expect_true

    expect_true(
        got.dtype == torch.float32,
        f"expected dtype float32, got {got.dtype}",
        inputs={"n_positions": 3, "d_model": 6},
    )


def check_odd_width(submitted, reference):
    """an odd d_model is an error (ValueError)"""
    expect_raises(ValueError, submitted, 4, 5, inputs={"n_positions": 4, "d_model": 5})
