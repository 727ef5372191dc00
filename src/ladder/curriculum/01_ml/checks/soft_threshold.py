"""Checks for the soft-thresholding exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def check_shrinks_large_values(submitted, reference):
    """S(3, 1) = 2 and S(−3, 1) = −2"""
    expect_close(
        submitted(3.0, 1.0),
        reference(3.0, 1.0),
        inputs={"z": 3.0, "t": 1.0},
        mistakes=[(3.0, "shrink by t: |z| − t"), (4.0, "shrink towards 0: subtract t from |z|")],
    )
    expect_close(
        submitted(-3.0, 1.0),
        reference(-3.0, 1.0),
        inputs={"z": -3.0, "t": 1.0},
        mistakes=[
            (2.0, "put the sign of z back: sign(z) · max(|z| − t, 0)"),
            (-4.0, "shrink towards 0, so a negative z moves up by t"),
            (0.0, "a negative z shrinks too: work with |z| and put the sign back"),
        ],
    )


def check_zeroes_small_values(submitted, reference):
    """|z| ≤ t gives exactly 0"""
    for z in (0.5, -0.3, 1.0):
        expect_close(
            submitted(z, 1.0),
            0.0,
            atol=0.0,
            inputs={"z": z, "t": 1.0},
            mistakes=[
                (z - 1.0, "clip at 0: max(|z| − t, 0)"),
                (z, "small values become exactly 0"),
            ],
        )


def check_zero_threshold(submitted, reference):
    """t = 0 changes nothing"""
    expect_close(submitted(-1.5, 0.0), -1.5, inputs={"z": -1.5, "t": 0.0})


def check_grid(submitted, reference):
    """matches the reference on a grid of values"""
    zs = np.linspace(-3.0, 3.0, 25)
    got = np.array([submitted(float(z), 0.7) for z in zs])
    expect_close(
        got, [reference(float(z), 0.7) for z in zs], inputs="25 values of z in [−3, 3], t = 0.7"
    )
