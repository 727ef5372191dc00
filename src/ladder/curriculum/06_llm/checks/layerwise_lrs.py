"""Checks for the layer-wise learning-rate exercise."""

from ladder.curriculum.expect import expect_close, expect_raises


def check_four_layers(submitted, reference):
    """4 layers, top rate 3e-4, decay 2: bottom first, the top layer gets 3e-4"""
    want = reference(4, 3e-4, 2.0)
    got = submitted(4, 3e-4, 2.0)
    expect_close(
        got,
        want,
        rtol=1e-9,
        inputs={"n_layers": 4, "top_lr": 3e-4, "decay": 2.0},
        mistakes=[
            (want[::-1], "layer 0 is the bottom: the list starts with the smallest rate"),
            ([x / 2.0 for x in want], "the top layer itself gets top_lr: exponent n − 1 − l"),
            ([3e-4 * 2.0 ** (3 - i) for i in range(4)], "divide by decay^(n−1−l), not multiply"),
        ],
    )


def check_default_decay(submitted, reference):
    """the default decay is ULMFiT's 2.6"""
    expect_close(
        submitted(3, 0.01), reference(3, 0.01), rtol=1e-9, inputs={"n_layers": 3, "top_lr": 0.01}
    )


def check_one_layer(submitted, reference):
    """a single layer gets top_lr"""
    expect_close(
        submitted(1, 0.5, 3.0),
        reference(1, 0.5, 3.0),
        rtol=1e-12,
        inputs={"n_layers": 1, "top_lr": 0.5, "decay": 3.0},
    )


def check_bad_input(submitted, reference):
    """n_layers < 1, top_lr ≤ 0 or decay < 1 raise ValueError"""
    expect_raises(ValueError, submitted, 0, 1e-3, inputs={"n_layers": 0, "top_lr": 1e-3})
    expect_raises(ValueError, submitted, 3, -1e-3, inputs={"n_layers": 3, "top_lr": -1e-3})
    expect_raises(
        ValueError, submitted, 3, 1e-3, 0.5, inputs={"n_layers": 3, "top_lr": 1e-3, "decay": 0.5}
    )
