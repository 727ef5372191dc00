"""Checks for the selection-rate-by-group exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_equal, expect_raises, expect_true

# three groups of different sizes, listed out of order, labels "hire"/"reject"
Y_PRED = ["hire", "reject", "hire", "hire", "reject", "reject", "hire", "reject", "reject"]
GROUPS = ["m", "w", "w", "x", "m", "w", "x", "m", "w"]


def check_small_example(submitted, reference):
    """divides each group's selections by the size of that group"""
    y = [1, 0, 1, 1, 0, 1, 0]
    g = ["b", "b", "a", "a", "a", "c", "c"]
    expected = reference(list(y), list(g))
    got = submitted(list(y), list(g))
    expect_true(
        isinstance(got, dict),
        f"return a dict {{group: rate}}, got {type(got).__name__}",
        inputs={"y_pred": y, "sensitive_features": g},
    )
    expect_equal(
        sorted(got),
        sorted(expected),
        inputs={"y_pred": y, "sensitive_features": g},
        what="the groups (keys)",
    )
    n = len(y)
    expect_close(
        [got[k] for k in sorted(expected)],
        [expected[k] for k in sorted(expected)],
        inputs={"y_pred": y, "sensitive_features": g},
        what="the rates a, b, c",
        mistakes=[
            (
                [2 / n, 1 / n, 1 / n],
                "you divided by the total number of samples; divide by the size of each group",
            ),
            ([2, 1, 1], "you returned counts; divide by the group's size"),
            (
                [2 / 4, 1 / 4, 1 / 4],
                "you divided by the number of positive predictions overall; "
                "divide by the group's size",
            ),
        ],
    )


def check_pos_label(submitted, reference):
    """counts predictions equal to pos_label, whatever the labels are"""
    expected = reference(list(Y_PRED), list(GROUPS), pos_label="hire")
    got = submitted(list(Y_PRED), list(GROUPS), pos_label="hire")
    reject = {k: 1 - v for k, v in expected.items()}
    expect_close(
        [got.get(k) for k in sorted(expected)],
        [expected[k] for k in sorted(expected)],
        inputs={"y_pred": Y_PRED, "sensitive_features": GROUPS, "pos_label": "hire"},
        what="the rates m, w, x",
        mistakes=[
            (
                [reject[k] for k in sorted(expected)],
                "you counted the other label; compare with pos_label",
            )
        ],
    )


def check_numpy_inputs(submitted, reference):
    """works on NumPy arrays of 0/1 predictions and integer groups"""
    rng = np.random.default_rng(0)
    y, g = rng.integers(0, 2, 200), rng.choice([3, 7, 11, 20], 200)
    expected = reference(y.copy(), g.copy())
    got = submitted(y.copy(), g.copy())
    expect_close(
        [got.get(k) for k in sorted(expected)],
        [expected[k] for k in sorted(expected)],
        inputs="200 random predictions, groups 3, 7, 11, 20 (seed 0)",
    )


def check_lengths(submitted, reference):
    """raises ValueError when y_pred and sensitive_features differ in length"""
    expect_raises(
        ValueError,
        submitted,
        [1, 0, 1],
        ["a", "b"],
        inputs={"y_pred": [1, 0, 1], "sensitive_features": ["a", "b"]},
    )
