"""Checks for the accuracy exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_true


def check_small_example(submitted, reference):
    """the share of matching labels"""
    t, p = [0, 1, 1, 0, 1], [0, 1, 0, 0, 0]
    expect_close(
        submitted(t, p),
        reference(t, p),
        inputs={"y_true": t, "y_pred": p},
        mistakes=[
            (3.0, "you counted the matches; divide by the number of samples"),
            (0.4, "that is the error rate (share of mismatches); count the matches"),
        ],
    )


def check_string_labels(submitted, reference):
    """works with string labels"""
    t, p = ["cat", "dog", "dog"], ["cat", "cat", "dog"]
    expect_close(submitted(t, p), 2 / 3, inputs={"y_true": t, "y_pred": p})


def check_returns_a_float(submitted, reference):
    """returns one number"""
    got = submitted([1, 2], [1, 2])
    expect_true(
        np.ndim(got) == 0,
        f"expected one number, got shape {np.shape(got)}",
        inputs={"y_true": [1, 2], "y_pred": [1, 2]},
        misconception="reduce the element-wise comparison with np.mean",
    )


def check_random_labels(submitted, reference):
    """matches the reference on 1,000 random labels of 10 classes"""
    rng = np.random.default_rng(0)
    t, p = rng.integers(10, size=1000), rng.integers(10, size=1000)
    expect_close(submitted(t, p), reference(t, p), inputs="1,000 random labels in 0..9 (seed 0)")
