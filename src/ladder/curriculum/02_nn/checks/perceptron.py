"""Checks for the perceptron exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_equal

X4 = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])


def _blobs():
    rng = np.random.default_rng(3)
    X = np.r_[rng.normal(-2.0, 0.7, (20, 2)), rng.normal(2.0, 0.7, (20, 2))]
    return X, np.r_[np.zeros(20, int), np.ones(20, int)]


def check_and_in_order(submitted, reference):
    """learns AND without shuffling: the same weights and mistakes as the reference"""
    y = [0, 0, 0, 1]
    got = submitted(shuffle=False).fit(X4, y)
    ref = reference(shuffle=False).fit(X4, y)
    inputs = {"X": X4, "y": y, "shuffle": False, "learning_rate": 1.0}
    expect_close(
        got.intercept_,
        ref.intercept_,
        what="intercept_",
        inputs=inputs,
        mistakes=[(0.0, "update the bias too: b <- b + eta * s_i")],
    )
    expect_equal(
        list(got.mistakes_per_epoch_),
        list(ref.mistakes_per_epoch_),
        what="mistakes_per_epoch_",
        inputs=inputs,
        mistakes=[
            (ref.mistakes_per_epoch_[:-1], "record the last, mistake-free epoch too, then stop"),
        ],
    )
    expect_close(got.coef_, ref.coef_, what="coef_", inputs=inputs)
    expect_equal(bool(got.converged_), True, what="converged_", inputs=inputs)


def check_mistake_on_the_line(submitted, reference):
    """a point exactly on the boundary (score 0) counts as a mistake"""
    got = submitted(shuffle=False, max_epochs=1).fit(X4, [0, 0, 0, 1])
    expect_equal(
        got.mistakes_per_epoch_[0],
        2,
        what="mistakes in the first epoch",
        inputs="AND from w = 0: the first point scores exactly 0",
        mistakes=[(0, "use <= 0, not < 0: a score of 0 is on the line and counts as wrong")],
    )


def check_shuffled_blobs(submitted, reference):
    """with shuffling, follows the reference on two separable clouds"""
    X, y = _blobs()
    got = submitted(shuffle=True, random_state=7, learning_rate=0.5).fit(X, y)
    ref = reference(shuffle=True, random_state=7, learning_rate=0.5).fit(X, y)
    inputs = "40 points in two Gaussian clouds; shuffle=True, random_state=7, learning_rate=0.5"
    expect_equal(
        list(got.mistakes_per_epoch_),
        list(ref.mistakes_per_epoch_),
        what="mistakes_per_epoch_",
        inputs=inputs,
    )
    expect_close(
        got.coef_,
        ref.coef_,
        what="coef_",
        inputs=inputs,
        mistakes=[(ref.coef_ / 0.5, "multiply the update by the learning rate")],
    )


def _narrow_margin():
    """40 separable points, labelled 3 and 7, close enough to the line 0.8·x₁ − 0.6·x₂ +
    0.1 = 0 that the shuffled perceptron needs 11 epochs (one fixed order would differ)."""
    rng = np.random.default_rng(24)
    X = rng.uniform(-1.0, 1.0, size=(200, 2))
    margin = X @ [0.8, -0.6] + 0.1
    keep = np.abs(margin) > 0.05
    X, margin = X[keep][:40], margin[keep][:40]
    return X, np.where(margin > 0, 7, 3)


def check_other_labels(submitted, reference):
    """labels 3 and 7 (7 is +1), a new order every epoch: follows the reference"""
    X, y = _narrow_margin()
    ref = reference(shuffle=True, random_state=5, learning_rate=0.5).fit(X.copy(), y.copy())
    got = submitted(shuffle=True, random_state=5, learning_rate=0.5).fit(X.copy(), y.copy())
    inputs = (
        "40 points labelled 3 and 7 near the line 0.8·x₁ − 0.6·x₂ + 0.1 = 0 (seed 24); "
        "shuffle=True, random_state=5, learning_rate=0.5"
    )
    label_help = (
        "the labels need not be 0 and 1: s_i = +1 where y == classes_[1], else −1 "
        "(np.where(y == self.classes_[1], 1.0, -1.0))"
    )
    expect_equal(
        np.asarray(got.predict(X)),
        ref.predict(X),
        what="predict(X)",
        inputs=inputs,
        mistakes=[(np.full(len(X), 7), label_help), (np.full(len(X), 3), label_help)],
    )
    expect_equal(
        list(got.mistakes_per_epoch_),
        list(ref.mistakes_per_epoch_),
        what="mistakes_per_epoch_",
        inputs=inputs,
    )
    expect_close(got.coef_, ref.coef_, what="coef_", inputs=inputs)
    expect_close(got.intercept_, ref.intercept_, what="intercept_", inputs=inputs)


def check_xor_never_converges(submitted, reference):
    """on XOR it keeps making mistakes until max_epochs"""
    got = submitted(shuffle=False, max_epochs=30).fit(X4, [0, 1, 1, 0])
    inputs = {"X": X4, "y": [0, 1, 1, 0], "max_epochs": 30}
    expect_equal(len(got.mistakes_per_epoch_), 30, what="number of epochs run", inputs=inputs)
    expect_equal(bool(got.converged_), False, what="converged_", inputs=inputs)
