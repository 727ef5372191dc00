"""Checks for the top-p (nucleus) filtering exercise."""

import math

import torch

from ladder.curriculum.expect import expect_close

INF = float("inf")


def _logits(*probs):
    return torch.log(torch.tensor([list(probs)], dtype=torch.float64))


def check_lesson_example(submitted, reference):
    """probabilities (0.5, 0.25, 0.15, 0.1), p = 0.8: three tokens kept"""
    z = _logits(0.5, 0.25, 0.15, 0.1)
    two = z.clone()
    two[0, 2:] = -INF
    want = reference(z.clone(), 0.8)
    expect_close(
        submitted(z, 0.8),
        want,
        inputs={"probabilities": [0.5, 0.25, 0.15, 0.1], "p": 0.8},
        mistakes=[
            (two, "keep the token that crosses p: compare the mass *before* each token with p")
        ],
    )


def check_unsorted_rows(submitted, reference):
    """tokens in any order, two rows: the result stays in the original order"""
    z = torch.log(torch.tensor([[0.1, 0.6, 0.3], [0.25, 0.15, 0.6]], dtype=torch.float64))
    srt, order = torch.sort(z, descending=True)
    sorted_result = reference(srt, 0.7)
    gathered = z.masked_fill(torch.isinf(sorted_result).gather(-1, order), -INF)
    want = reference(z.clone(), 0.7)
    expect_close(
        submitted(z, 0.7),
        want,
        inputs={"probabilities": [[0.1, 0.6, 0.3], [0.25, 0.15, 0.6]], "p": 0.7},
        mistakes=[
            (sorted_result, "scatter the decision back to the original token order"),
            (
                gathered,
                "scatter the decision back with scatter(-1, order, …): gather applies "
                "the inverse permutation",
            ),
        ],
    )


def _kept(z, keep):
    """``z`` with every position not in ``keep`` (per row) set to −inf."""
    out = torch.full_like(z, -INF)
    for row, cols in enumerate(keep):
        out[row, cols] = z[row, cols]
    return out


def check_exact_boundary(submitted, reference):
    """mass before a token exactly p: it is removed (the kept set already reaches p)"""
    # Powers of two: every probability and every partial sum is exact in floating point,
    # so "mass before = p" is a true tie, not rounding. Sorted: 0.5, 0.25 | 0.125, …
    z = torch.tensor([[1.0, 4.0, 2.0, 3.0, 1.0]], dtype=torch.float64) * math.log(2)
    shown = {"probabilities": [0.0625, 0.5, 0.125, 0.25, 0.0625], "p": 0.75}
    want = reference(z.clone(), 0.75)
    expect_close(
        submitted(z, 0.75),
        want,
        inputs=shown,
        mistakes=[
            (
                _kept(z, [[1, 3, 2]]),
                "one token too many: once the kept tokens add up to p exactly, stop — "
                "remove where the mass before is >= p, not > p",
            ),
            (
                _kept(z, [[1]]),
                "one token too few: keep the token that crosses (or reaches) p — compare "
                "the mass *before* each token with p",
            ),
        ],
    )


def check_ties(submitted, reference):
    """tied tokens inside the nucleus are all kept, tied tokens outside all removed"""
    # sorted probabilities 0.25, 0.25, 0.25 | 0.125, 0.125 (exact), p = 0.6
    z = torch.tensor([[1.0, 2.0, 2.0, 1.0, 2.0]], dtype=torch.float64) * math.log(2)
    want = reference(z.clone(), 0.6)
    expect_close(
        submitted(z, 0.6),
        want,
        inputs={"probabilities": [0.125, 0.25, 0.25, 0.125, 0.25], "p": 0.6},
    )


def check_always_keeps_the_top(submitted, reference):
    """a tiny p, and even p = 0, still keep the most likely token"""
    z = _logits(0.2, 0.7, 0.1)
    for p in (0.01, 0.0):
        want = reference(z.clone(), p)
        expect_close(
            submitted(z, p),
            want,
            inputs={"probabilities": [0.2, 0.7, 0.1], "p": p},
            mistakes=[(torch.full_like(z, -INF), "the most likely token must always be kept")],
        )


def check_batched_3d(submitted, reference):
    """logits (2, 3, 6): each row over the last dimension on its own"""
    z = torch.randn(2, 3, 6, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    want = reference(z.clone(), 0.6)
    expect_close(
        submitted(z, 0.6),
        want,
        inputs="logits (2, 3, 6) standard normal (seed 0), p = 0.6",
    )


def check_p_one_keeps_all(submitted, reference):
    """p = 1 keeps every token"""
    z = _logits(0.4, 0.3, 0.2, 0.1)
    want = reference(z.clone(), 1.0)
    expect_close(
        submitted(z, 1.0),
        want,
        inputs={"probabilities": [0.4, 0.3, 0.2, 0.1], "p": 1.0},
    )
