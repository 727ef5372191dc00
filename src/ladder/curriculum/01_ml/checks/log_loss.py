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
            (-np.mean(np.log(p)), "use p for label 1 but 1 − p for label 0"),
            (-np.sum(np.log(picked)), "average over the samples, do not sum"),
            (np.mean(np.log(picked)), "the log loss is the negative mean log-probability"),
            (-np.mean(np.log10(picked)), "use the natural logarithm np.log"),
        ],
    )


def check_three_classes(submitted, reference):
    """(n, K) probabilities with columns in sorted label order"""
    y = np.array(["b", "a", "c", "b"])
    P = np.array([[0.2, 0.7, 0.1], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8], [0.3, 0.4, 0.3]])
    expect_close(submitted(y, P), reference(y, P), inputs={"y_true": y, "y_proba": P})


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
