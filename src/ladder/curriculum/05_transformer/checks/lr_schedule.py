"""Checks for the learning-rate schedule exercise."""

import math

from ladder.curriculum.expect import expect_close
from ladder.transformer.training import TrainConfig

CFG = TrainConfig(learning_rate=1e-3, min_lr=1e-4, warmup_iters=10, lr_decay_iters=110)
SHOWN = {"learning_rate": 1e-3, "min_lr": 1e-4, "warmup_iters": 10, "lr_decay_iters": 110}


def check_warmup(submitted, reference):
    """warm-up: lr · (it + 1) / (W + 1) for the first W steps"""
    its = [0, 4, 9]
    expect_close(
        [submitted(i, CFG) for i in its],
        [reference(i, CFG) for i in its],
        inputs={**SHOWN, "it": its},
        mistakes=[
            ([1e-3 * i / 10 for i in its], "use (it + 1) / (W + 1), so step 0 does not get lr 0"),
            ([1e-3 * (i + 1) / 10 for i in its], "divide by W + 1, not W: (it + 1) / (W + 1)"),
        ],
    )


def check_cosine(submitted, reference):
    """cosine decay from lr at W to min_lr at D"""
    its = [10, 35, 60, 85, 110]
    wrong = [1e-4 + 0.5 * (1 + math.cos(math.pi * (i - 10) / 100)) * 1e-3 for i in its]
    expect_close(
        [submitted(i, CFG) for i in its],
        [reference(i, CFG) for i in its],
        inputs={**SHOWN, "it": its},
        mistakes=[
            (wrong, "scale the cosine by (lr − min_lr), not by lr"),
            (
                [1e-4 + 0.5 * (1 + math.cos(math.pi * i / 110)) * 9e-4 for i in its],
                "measure the decay from the end of the warm-up: ratio = (it − W) / (D − W)",
            ),
        ],
    )


def check_floor(submitted, reference):
    """after D the rate stays at min_lr"""
    its = [111, 500]
    expect_close(
        [submitted(i, CFG) for i in its],
        [1e-4, 1e-4],
        inputs={**SHOWN, "it": its},
        mistakes=[([0.0, 0.0], "after lr_decay_iters the rate stays at min_lr, not 0")],
    )


def check_no_decay_phase(submitted, reference):
    """warmup_iters = lr_decay_iters: max(1, D − W) keeps the division defined"""
    cfg = TrainConfig(learning_rate=1e-3, min_lr=1e-4, warmup_iters=10, lr_decay_iters=10)
    its = [9, 10, 11]
    want = [reference(i, cfg) for i in its]
    expect_close(
        [submitted(i, cfg) for i in its],
        want,
        inputs={**SHOWN, "lr_decay_iters": 10, "it": its},
    )
