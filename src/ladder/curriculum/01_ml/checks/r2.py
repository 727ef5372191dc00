"""Checks for the R² exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def check_perfect_prediction(submitted, reference):
    """a perfect prediction scores 1"""
    y = [1.0, 2.0, 4.0]
    expect_close(submitted(y, y), 1.0, inputs={"y_true": y, "y_pred": y})


def check_mean_prediction(submitted, reference):
    """predicting the mean everywhere scores 0"""
    y = [1.0, 2.0, 6.0]
    p = [3.0, 3.0, 3.0]
    expect_close(submitted(y, p), 0.0, inputs={"y_true": y, "y_pred": p})


def check_small_example(submitted, reference):
    """1 - SS_res / SS_tot on a small example"""
    y, p = [3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0]
    t, q = np.array(y), np.array(p)
    ss_res, ss_tot = np.sum((t - q) ** 2), np.sum((t - t.mean()) ** 2)
    expect_close(
        submitted(y, p),
        reference(y, p),
        inputs={"y_true": y, "y_pred": p},
        mistakes=[
            (ss_res / ss_tot, "that is SS_res / SS_tot; R² is one minus it"),
            (
                1 - ss_res / np.sum(t**2),
                "SS_tot sums squared deviations from the mean of y_true, not the squares of y_true",
            ),
            (1 - ss_res / np.sum((q - q.mean()) ** 2), "SS_tot uses y_true, not y_pred"),
            (
                1 - np.var(t - q) / np.var(t),
                "that is the explained-variance score: R² sums the squared residuals, so a "
                "constant offset in the predictions counts against it",
            ),
            (
                np.corrcoef(t, q)[0, 1] ** 2,
                "R² is not the squared correlation of y_true and y_pred (they agree only for "
                "a least-squares fit's own predictions): use 1 − SS_res / SS_tot",
            ),
        ],
    )


def check_worse_than_the_mean(submitted, reference):
    """can be negative when the model is worse than the mean"""
    y, p = [1.0, 2.0, 3.0], [3.0, 2.0, 1.0]
    expect_close(
        submitted(y, p),
        -3.0,
        inputs={"y_true": y, "y_pred": p},
        mistakes=[(0.0, "do not clip R² at 0: a bad model scores below zero")],
    )


def check_constant_target(submitted, reference):
    """a constant y_true gives 1.0 if perfect, else 0.0 (no division by zero)"""
    y = [2.0, 2.0, 2.0]
    why = "SS_tot is 0 for a constant y_true: return 1.0 for a perfect prediction, else 0.0"
    expect_close(
        submitted(y, y),
        1.0,
        inputs={"y_true": y, "y_pred": y},
        mistakes=[(np.nan, why), (0.0, why)],
    )
    p = [2.0, 2.0, 3.0]
    expect_close(
        submitted(y, p),
        0.0,
        inputs={"y_true": y, "y_pred": p},
        mistakes=[(np.nan, why), (-np.inf, why), (1.0, why)],
    )
