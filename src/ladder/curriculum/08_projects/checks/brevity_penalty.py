"""Checks for BLEU's brevity penalty."""

import math

from ladder.curriculum.expect import expect_close


def check_lesson_example(submitted, reference):
    """8 output words against 10 reference words: exp(-0.25)"""
    expect_close(
        submitted(8, 10),
        reference(8, 10),
        inputs={"hyp_len": 8, "ref_len": 10},
        mistakes=[
            (math.exp(1 - 8 / 10), "the ratio is r / c (reference over output), not c / r"),
            (1.0, "outputs shorter than the references must be penalised"),
        ],
    )


def check_longer_outputs(submitted, reference):
    """outputs longer than the references: no penalty (and no bonus)"""
    expect_close(
        submitted(13, 10),
        reference(13, 10),
        inputs={"hyp_len": 13, "ref_len": 10},
        mistakes=[
            (math.exp(1 - 10 / 13), "apply exp(1 - r/c) only when c <= r: longer outputs get 1")
        ],
    )


def check_several_lengths(submitted, reference):
    """many lengths, equal ones included"""
    for c, r in [(10, 10), (3, 7), (1, 50), (99, 100), (250, 240)]:
        expect_close(submitted(c, r), reference(c, r), inputs={"hyp_len": c, "ref_len": r})


def check_empty_output(submitted, reference):
    """an empty output (c = 0) gets 0, not a division by zero"""
    expect_close(submitted(0, 5), reference(0, 5), inputs={"hyp_len": 0, "ref_len": 5})
