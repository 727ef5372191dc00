"""Checks for the load-balancing loss exercise."""

import torch
import torch.nn.functional as F

from ladder.curriculum.expect import expect_close


def _loss_parts(z, k):
    probs = torch.softmax(z, -1)
    chosen = torch.topk(probs, k).indices
    counts = F.one_hot(chosen, z.size(-1)).sum((0, 1)).float()
    return probs.mean(0), counts / z.size(0), z.size(-1)


def check_random_router(submitted, reference):
    """30 tokens, 6 experts, k = 2 (Hugging Face's value)"""
    z = torch.randn(30, 6, generator=torch.Generator().manual_seed(0)) * 2
    want = reference(z.clone(), 2)
    P, f, E = _loss_parts(z, 2)
    expect_close(
        submitted(z.clone(), 2),
        want,
        rtol=1e-5,
        atol=1e-6,
        inputs={"router_logits": "(30, 6) random", "k": 2},
        mistakes=[
            ((f * P).sum(), "multiply by the number of experts E"),
            (E * (f / 2 * P).sum(), "f_e counts slots per token: divide by N, not by N·k"),
            (E * (f * 30 * P).sum(), "f_e is a fraction of the tokens: divide the counts by N"),
        ],
    )


def check_even_and_collapsed(submitted, reference):
    """even routing gives k; every token sure of one expert gives E (k = 1)"""
    pairs = torch.tensor([[0, 1], [2, 3], [1, 2], [3, 0]])
    even = torch.full((4, 4), -50.0).scatter(1, pairs, 50.0)
    expect_close(
        submitted(even, 2),
        2.0,
        rtol=1e-5,
        atol=1e-5,
        inputs={"router_logits": "4 tokens spread evenly over 4 experts", "k": 2},
    )
    skew = torch.tensor([[50.0, 0.0, 0.0, 0.0, 0.0]]).repeat(7, 1)
    expect_close(submitted(skew, 1), 5.0, rtol=1e-5, atol=1e-5,
                 inputs={"router_logits": "7 tokens all on expert 0 of 5", "k": 1})  # fmt: skip


def check_other_sizes(submitted, reference):
    """k = 3 of 7 experts, N = 11 tokens"""
    z = torch.randn(11, 7, generator=torch.Generator().manual_seed(1))
    expect_close(submitted(z.clone(), 3), reference(z.clone(), 3), rtol=1e-5, atol=1e-6,
                 inputs={"router_logits": "(11, 7) random", "k": 3})  # fmt: skip
