"""Checks for the top-p (nucleus) filtering exercise."""

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
    expect_close(
        submitted(z, 0.8),
        reference(z, 0.8),
        inputs={"probabilities": [0.5, 0.25, 0.15, 0.1], "p": 0.8},
        mistakes=[
            (two, "keep the token that crosses p: compare the mass *before* each token with p")
        ],
    )


def check_unsorted_rows(submitted, reference):
    """tokens in any order, two rows: the result stays in the original order"""
    z = torch.log(torch.tensor([[0.1, 0.6, 0.3], [0.25, 0.15, 0.6]], dtype=torch.float64))
    sorted_result = reference(torch.sort(z, descending=True).values, 0.7)
    expect_close(
        submitted(z, 0.7),
        reference(z, 0.7),
        inputs={"probabilities": [[0.1, 0.6, 0.3], [0.25, 0.15, 0.6]], "p": 0.7},
        mistakes=[(sorted_result, "scatter the decision back to the original token order")],
    )


def check_always_keeps_the_top(submitted, reference):
    """a tiny p still keeps the most likely token"""
    z = _logits(0.2, 0.7, 0.1)
    expect_close(
        submitted(z, 0.01),
        reference(z, 0.01),
        inputs={"probabilities": [0.2, 0.7, 0.1], "p": 0.01},
        mistakes=[(torch.full_like(z, -INF), "the most likely token must always be kept")],
    )


def check_p_one_keeps_all(submitted, reference):
    """p = 1 keeps every token"""
    z = _logits(0.4, 0.3, 0.2, 0.1)
    expect_close(
        submitted(z, 1.0),
        reference(z, 1.0),
        inputs={"probabilities": [0.4, 0.3, 0.2, 0.1], "p": 1.0},
    )
