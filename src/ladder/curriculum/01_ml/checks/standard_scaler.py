"""Checks for the standard-scaler exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def check_statistics(submitted, reference):
    """mean_ and scale_ (population standard deviation)"""
    X = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 60.0]])
    got, ref = submitted().fit(X), reference().fit(X)
    expect_close(
        got.mean_,
        ref.mean_,
        what="mean_",
        inputs={"X": X},
        mistakes=[(X.mean(axis=1), "take the statistics per column (axis=0), not per row")],
    )
    expect_close(
        got.scale_,
        ref.scale_,
        what="scale_",
        inputs={"X": X},
        mistakes=[
            (X.std(axis=0, ddof=1), "use the population standard deviation (ddof=0, divide by n)"),
            (
                X.var(axis=0),
                "scale_ is the standard deviation: take the square root of the variance",
            ),
            (np.full(2, X.std()), "one standard deviation per column: X.std(axis=0)"),
        ],
    )


def check_transform(submitted, reference):
    """each column gets mean 0 and standard deviation 1"""
    rng = np.random.default_rng(16)
    X = rng.normal(size=(40, 3)) * [1.0, 100.0, 0.01] + [5.0, -3.0, 0.0]
    Z = submitted().fit(X).transform(X)
    expect_close(
        Z,
        reference().fit(X).transform(X),
        inputs="40 x 3 data on very different scales (seed 16)",
        mistakes=[
            (X - X.mean(axis=0), "divide by scale_ after subtracting the mean"),
            (X / X.std(axis=0), "subtract the mean before dividing"),
        ],
    )


def check_test_data_uses_training_statistics(submitted, reference):
    """transform uses the statistics from fit, not those of its own input"""
    X_train = np.array([[0.0], [2.0], [4.0]])
    X_test = np.array([[4.0], [6.0]])
    expect_close(
        submitted().fit(X_train).transform(X_test),
        reference().fit(X_train).transform(X_test),
        inputs={"X_train": X_train, "X_test": X_test},
        mistakes=[
            (
                np.array([[-1.0], [1.0]]),
                "transform must reuse mean_ and scale_ from fit, "
                "not re-estimate them on the test data",
            )
        ],
    )


def check_constant_column(submitted, reference):
    """a constant column is centred, not divided by zero"""
    X = np.array([[1.0, 7.0], [2.0, 7.0], [3.0, 7.0]])
    expect_close(
        submitted().fit(X).transform(X),
        reference().fit(X).transform(X),
        inputs={"X": X},
        mistakes=[
            (
                np.c_[reference().fit(X).transform(X)[:, 0], np.full(3, np.nan)],
                "a zero standard deviation gives 0/0 = nan; use scale 1 for constant columns",
            )
        ],
    )
