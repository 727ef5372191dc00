"""Checks for the token-id validation exercise."""

import torch

from ladder.curriculum.expect import CheckFailed, expect_raises, expect_true


def check_valid_ids(submitted, reference):
    """valid ids and an empty tensor pass silently"""
    for idx in (torch.tensor([[0, 5, 9]]), torch.zeros(1, 0, dtype=torch.long)):
        got = submitted(idx, 10)
        expect_true(
            got is None,
            f"expected no error and None, got {got!r}",
            inputs={"idx": idx, "vocab_size": 10},
        )


def check_too_large(submitted, reference):
    """an id equal to vocab_size is out of range (ValueError naming it)"""
    expect_raises(
        ValueError,
        submitted,
        torch.tensor([[1, 15, 3]]),
        10,
        inputs={"idx": [[1, 15, 3]], "vocab_size": 10},
    )
    idx = torch.tensor([[1, 10, 3]])
    try:
        submitted(idx, 10)
    except ValueError as exc:
        expect_true(
            "10" in str(exc),
            f"the message should name the bad id 10: {exc}",
            inputs={"idx": idx, "vocab_size": 10},
            misconception="name the offending ids in the message, so the learner can find them",
        )
        return
    raise CheckFailed(
        "an id equal to vocab_size passed without an error",
        inputs={"idx": idx, "vocab_size": 10},
        expected="ValueError",
        misconception="ids run from 0 to vocab_size − 1: vocab_size itself is out of range",
    )


def check_negative(submitted, reference):
    """a negative id is out of range (ValueError)"""
    idx = torch.tensor([[-1, 2]])
    expect_raises(ValueError, submitted, idx, 10, inputs={"idx": idx, "vocab_size": 10})


def check_float_ids(submitted, reference):
    """floating-point ids are a TypeError"""
    idx = torch.tensor([[1.0, 2.0]])
    expect_raises(TypeError, submitted, idx, 10, inputs={"idx": idx, "vocab_size": 10})
