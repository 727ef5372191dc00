"""Checks for the specificity exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def check_lesson_example(submitted, reference):
    """TN = 6, FP = 2, FN = 1: specificity 6/8"""
    t = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1]
    p = [0, 0, 0, 0, 0, 0, 1, 1, 1, 0]
    expect_close(
        submitted(t, p),
        reference(t, p),
        inputs={"y_true": t, "y_pred": p},
        mistakes=[
            (
                6 / 7,
                "that is TN / (TN + FN), the negative predictive value; "
                "specificity is TN / (TN + FP)",
            ),
            (1 / 2, "that is the recall TP / (TP + FN); specificity looks at the true negatives"),
            (2 / 8, "that is the false-positive rate FP / (TN + FP) = 1 − specificity"),
            (1 / 3, "that is the precision TP / (TP + FP)"),
        ],
    )


def check_other_positive_label(submitted, reference):
    """pos_label='spam' makes 'ham' the negative class"""
    t = ["ham", "ham", "spam", "ham", "spam"]
    p = ["ham", "spam", "spam", "ham", "ham"]
    expect_close(
        submitted(t, p, pos_label="spam"),
        reference(t, p, pos_label="spam"),
        inputs={"y_true": t, "y_pred": p, "pos_label": "spam"},
        mistakes=[
            (
                1 / 2,
                "the negatives are the labels other than pos_label; you treated 'spam' as negative",
            ),
            (
                0.0,
                "the negative class is the label other than pos_label ('ham' here), not 0",
            ),
            (1.0, "use pos_label: here 'spam' is the positive class, not 1"),
        ],
    )


def check_no_negatives(submitted, reference):
    """no true negatives at all (TN + FP = 0) gives 0.0"""
    t, p = [1, 1, 1], [1, 0, 1]
    expect_close(
        submitted(list(t), list(p)),
        0.0,
        inputs={"y_true": t, "y_pred": p},
        mistakes=[(np.nan, "with no negatives TN + FP = 0: return 0.0 instead of dividing")],
    )


def check_random(submitted, reference):
    """matches the reference on 500 random labels"""
    rng = np.random.default_rng(17)
    t, p = rng.integers(2, size=500), rng.integers(2, size=500)
    expect_close(submitted(t, p), reference(t, p), inputs="500 random 0/1 labels (seed 17)")
