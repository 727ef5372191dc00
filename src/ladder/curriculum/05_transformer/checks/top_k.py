"""Checks for the top-k filtering exercise."""

import torch

from ladder.curriculum.expect import expect_close, expect_true

INF = float("inf")


def check_keeps_k_largest(submitted, reference):
    """k = 2 keeps the two largest logits, the rest become −inf"""
    z = torch.tensor([[1.0, 3.0, 0.5, 2.0]])
    expect_close(
        submitted(z, 2),
        reference(z, 2),
        inputs={"logits": z, "k": 2},
        mistakes=[
            (torch.tensor([[-INF, 3.0, -INF, -INF]]), "off by one: keep k tokens, not k − 1"),
            (
                torch.tensor([[1.0, 3.0, 0.5, 2.0]]).masked_fill(
                    torch.tensor([[False, True, False, True]]), -INF
                ),
                "you removed the largest logits; keep them and remove the rest",
            ),
            (torch.tensor([[1.0, 3.0, -INF, 2.0]]), "off by one: keep k tokens, not k + 1"),
            (
                torch.tensor([[0.0, 3.0, 0.0, 2.0]]),
                "a removed logit becomes −inf (probability 0), not 0",
            ),
        ],
    )


def check_rows_and_ties(submitted, reference):
    """works row by row (each row its own k-th largest) and keeps ties with the k-th largest"""
    z = torch.tensor([[2.0, 1.0, 1.0, -1.0, 0.5], [5.0, 4.0, 3.0, 2.0, 6.0]])
    want = reference(z.clone(), 2)
    one_each = torch.full_like(z, -INF)
    one_each[0, [0, 1]] = z[0, [0, 1]]
    one_each[1, [0, 4]] = z[1, [0, 4]]
    expect_close(
        submitted(z, 2),
        want,
        inputs={"logits": z, "k": 2},
        mistakes=[
            (
                one_each,
                "keep every logit tied with the k-th largest: compare values "
                "(logits < kth), not positions from topk's indices",
            )
        ],
    )


def check_batched_3d(submitted, reference):
    """logits (2, 3, 5): the filter works over the last dimension only"""
    z = torch.randn(2, 3, 5, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    want = reference(z.clone(), 2)
    expect_close(
        submitted(z, 2),
        want,
        inputs="logits (2, 3, 5) standard normal (seed 0), k = 2",
        mistakes=[
            (reference(z.transpose(1, 2), 2).transpose(1, 2), "filter over dim=-1, the vocabulary")
        ],
    )


def check_large_k_and_input_untouched(submitted, reference):
    """k larger than the vocabulary keeps everything, and the input is not modified"""
    z = torch.tensor([[0.2, -0.3, 0.1]])
    before = z.clone()
    got = submitted(z, 10)
    expect_close(got, before, inputs={"logits": before, "k": 10})
    expect_true(
        torch.equal(z, before),
        "your function changed the input logits",
        inputs={"logits": before, "k": 10},
        misconception="use masked_fill (a new tensor), not masked_fill_ or item assignment",
    )
