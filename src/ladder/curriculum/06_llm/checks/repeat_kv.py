"""Checks for the repeat_kv exercise."""

import torch

from ladder.curriculum.expect import expect_close, expect_shape


def check_each_head_repeated_in_place(submitted, reference):
    """(2, 3, 5, 4) with n_rep = 2: heads 0, 0, 1, 1, 2, 2"""
    x = torch.randn(2, 3, 5, 4, generator=torch.Generator().manual_seed(0))
    got = submitted(x.clone(), 2)
    expect_shape(got, (2, 6, 5, 4), inputs={"x": "(2, 3, 5, 4)", "n_rep": 2})
    expect_close(
        got, reference(x.clone(), 2), inputs={"x": "(B=2, g=3, T=5, d=4)", "n_rep": 2},
        mistakes=[(x.repeat(1, 2, 1, 1), "x.repeat tiles the heads (0, 1, 2, 0, 1, 2): query "
                   "head j must read K/V head j // n_rep, each repeated in place")],
    )  # fmt: skip


def check_n_rep_one_and_four(submitted, reference):
    """n_rep = 1 returns x unchanged; n_rep = 4 with one K/V head (multi-query attention)"""
    x = torch.randn(1, 1, 3, 2, generator=torch.Generator().manual_seed(1))
    expect_close(submitted(x.clone(), 1), x, inputs={"n_rep": 1})
    got = submitted(x.clone(), 4)
    expect_shape(got, (1, 4, 3, 2), inputs={"x": "(1, 1, 3, 2)", "n_rep": 4})
    expect_close(got, reference(x.clone(), 4), inputs={"x": "(1, 1, 3, 2)", "n_rep": 4})
