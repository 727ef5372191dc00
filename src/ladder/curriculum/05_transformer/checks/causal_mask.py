"""Checks for the causal-mask exercise."""

import torch

from ladder.curriculum.expect import expect_dtype, expect_equal, expect_raises


def check_square(submitted, reference):
    """a 4 × 4 mask is the lower triangle, diagonal included (10 entries True)"""
    got = submitted(4)
    expect_dtype(got, "b", inputs={"t_q": 4})
    ones = torch.ones(4, 4, dtype=torch.bool)
    expect_equal(
        got.numpy(),
        reference(4).numpy(),
        inputs={"t_q": 4},
        mistakes=[
            (ones.triu().numpy(), "that is the upper triangle: query i may see keys j ≤ i"),
            (ones.tril(-1).numpy(), "include the diagonal: a token may attend to itself"),
        ],
    )


def check_with_cache(submitted, reference):
    """2 new queries at the end of 5 keys: j ≤ i + 3"""
    expect_equal(
        submitted(2, 5).numpy(),
        reference(2, 5).numpy(),
        inputs={"t_q": 2, "t_k": 5},
        mistakes=[
            (
                torch.ones(2, 5, dtype=torch.bool).tril().numpy(),
                "shift the diagonal by t_k − t_q: the queries are the last positions",
            ),
        ],
    )


def check_one_new_token(submitted, reference):
    """one new query may see every cached key"""
    expect_equal(submitted(1, 6).numpy(), reference(1, 6).numpy(), inputs={"t_q": 1, "t_k": 6})


def check_too_few_keys(submitted, reference):
    """fewer keys than queries is an error (ValueError)"""
    expect_raises(ValueError, submitted, 3, 2, inputs={"t_q": 3, "t_k": 2})
