"""Checks for the log-loss exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def check_binary_probabilities(submitted, reference):
    """−mean log of the probability given to the true label"""
    y, p = [1, 0, 1, 1], np.array([0.9, 0.2, 0.6, 0.8])
    picked = np.where(np.array(y) == 1, p, 1 - p)
    expect_close(
        submitted(y, p),
        reference(y, p),
        inputs={"y_true": y, "y_proba": p},
        mistakes=[
            (
                -np.mean(np.log(p)),
                "y_proba is the probability of the larger label: use p for it and 1 − p for "
                "the other",
            ),
            (-np.sum(np.log(picked)), "average over the samples, do not sum"),
            (np.mean(np.log(picked)), "the log loss is the negative mean log-probability"),
            (-np.mean(np.log10(picked)), "use the natural logarithm np.log"),
            (
                -np.sum(np.log(picked)) / (2 * len(y)),
                "average over the n samples, not the n·K entries",
            ),
        ],
    )


def check_other_binary_labels(submitted, reference):
    """labels 3 and 7: p is the probability of the larger label, 7"""
    y, p = [7, 3, 7, 7, 3], np.array([0.9, 0.2, 0.6, 0.8, 0.3])
    t = np.array(y)
    expected = reference(list(y), p.copy())
    expect_close(
        submitted(list(y), p.copy()),
        expected,
        inputs={"y_true": y, "y_proba": p},
        mistakes=[
            (
                -np.mean(np.log(np.where(t == 1, p, 1 - p))),
                "the labels need not be 0 and 1: p is the probability of the larger label "
                "(7 here), whatever the labels are",
            ),
            (-np.mean(np.log(np.where(t == 7, 1 - p, p))), "p belongs to the larger label, 7"),
        ],
    )


def check_three_classes(submitted, reference):
    """(n, K) probabilities with columns in sorted label order"""
    y = np.array(["b", "a", "c", "b"])
    P = np.array([[0.2, 0.7, 0.1], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8], [0.3, 0.4, 0.3]])
    appearance = np.array([0, 1, 2, 0])  # b, a, c numbered as they first appear
    expected = reference(y.copy(), P.copy())
    expect_close(
        submitted(y.copy(), P.copy()),
        expected,
        inputs={"y_true": y, "y_proba": P},
        mistakes=[
            (
                -np.mean(np.log(P[np.arange(4), appearance])),
                "the columns follow the sorted labels (np.unique), not the order they first "
                "appear in y_true",
            )
        ],
    )


def check_certain_and_wrong(submitted, reference):
    """a probability of 0 for the true label is clipped, not infinite"""
    y, p = [1, 0], np.array([0.0, 0.0])
    expect_close(
        submitted(y, p),
        reference(y, p),
        rtol=1e-9,
        inputs={"y_true": y, "y_proba": p},
        mistakes=[(np.inf, "clip the probabilities to [eps, 1 − eps] before taking the log")],
    )
