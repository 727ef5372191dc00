"""Checks for the perplexity exercise."""

import math

import torch

from ladder.curriculum.expect import expect_close, expect_raises


def _inputs():
    g = torch.Generator().manual_seed(3)
    logits = torch.randn(2, 4, 7, generator=g, dtype=torch.float64) * 3  # B 2, T 4, V 7
    logits[1, 2] += 60.0  # one position with a much larger scale: a stability check
    targets = torch.tensor([[3, 6, -100, 1], [0, -100, 5, 2]])
    return logits, targets


def check_perplexity(submitted, reference):
    """B 2, T 4, V 7 with 2 ignored positions"""
    logits, targets = _inputs()
    want = reference(logits, targets)
    keep = targets != -100
    logp = torch.log_softmax(logits, -1)
    nll = -logp[keep].gather(-1, targets[keep].unsqueeze(-1)).squeeze(-1)
    expect_close(
        submitted(logits.clone(), targets.clone()),
        want,
        rtol=1e-9,
        inputs={"logits": logits, "targets": targets},
        mistakes=[
            (float(nll.mean()), "perplexity is exp of the mean cross-entropy"),
            (
                math.exp(float(nll.sum()) / targets.numel()),
                "divide by the number of scored positions, not all positions",
            ),
            (2 ** float(nll.mean()), "the cross-entropy is in nats: use exp, not 2 **"),
        ],
    )


def check_other_ignore_index(submitted, reference):
    """ignore_index = −1"""
    logits, targets = _inputs()
    t = targets.masked_fill(targets == -100, -1)
    expect_close(
        submitted(logits.clone(), t.clone(), -1),
        reference(logits, t, -1),
        rtol=1e-9,
        inputs={"targets": t, "ignore_index": -1},
    )


def check_nothing_scored(submitted, reference):
    """every target ignored raises ValueError"""
    logits, _ = _inputs()
    t = torch.full((2, 4), -100)
    expect_raises(ValueError, submitted, logits, t, inputs={"targets": t})
