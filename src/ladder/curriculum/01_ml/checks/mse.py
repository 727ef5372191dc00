"""Checks for the mean-squared-error exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_true


def check_perfect_prediction(submitted, reference):
    """a perfect prediction has an error of 0"""
    y = [1.0, 2.0, 3.0]
    expect_close(submitted(y, y), 0.0, inputs={"y_true": y, "y_pred": y})


def check_small_example(submitted, reference):
    """averages the squared errors over the samples"""
    # Five samples whose MSE, RMSE, MAE, squared mean error and sum / (n − 1) all differ.
    y, p = [3.0, -0.5, 2.0, 7.0, 4.2], [2.5, 0.0, 2.0, 8.0, 5.0]
    errors = np.subtract(y, p)
    expect_close(
        submitted(y, p),
        reference(y, p),
        inputs={"y_true": y, "y_pred": p},
        mistakes=[
            (np.sum(errors**2), "you summed the squared errors; divide by the number of samples"),
            (
                np.sqrt(np.mean(errors**2)),
                "that is the root of the MSE (RMSE); do not take the square root",
            ),
            (np.mean(np.abs(errors)), "that is the mean absolute error; square the errors instead"),
            (np.mean(errors) ** 2, "square each error before averaging, not the average"),
            (
                np.sum(errors**2) / (len(y) - 1),
                "divide by n, not n − 1: the MSE is a plain mean, not a sample variance",
            ),
        ],
    )


def check_returns_a_float(submitted, reference):
    """returns a single float, not an array"""
    y, p = [1.0, 2.0], [2.0, 4.0]
    got = submitted(y, p)
    expect_true(
        np.ndim(got) == 0,
        f"expected one number, got {type(got).__name__} of shape {np.shape(got)}",
        inputs={"y_true": y, "y_pred": p},
        misconception="reduce with np.mean over all samples",
    )


def check_random_targets(submitted, reference):
    """matches the formula on 1,000 random targets"""
    rng = np.random.default_rng(0)
    y, p = rng.normal(size=1000), rng.normal(size=1000)
    expect_close(
        submitted(y, p),
        np.mean((y - p) ** 2),
        inputs="1,000 standard-normal targets and predictions (seed 0)",
    )
