"""Checks for the confusion-matrix exercise."""

import numpy as np

from ladder.curriculum.expect import expect_equal


def check_binary(submitted, reference):
    """[[TN, FP], [FN, TP]] for labels 0 and 1"""
    t = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1]
    p = [0, 0, 0, 0, 0, 0, 1, 1, 1, 0]
    expect_equal(
        np.asarray(submitted(t, p)),
        reference(t, p),
        inputs={"y_true": t, "y_pred": p},
        mistakes=[
            (reference(t, p).T, "rows are the true labels, columns the predictions"),
            (reference(t, p)[::-1, ::-1], "order the labels ascending: row 0 is label 0"),
        ],
    )


def check_three_classes(submitted, reference):
    """three string labels, sorted"""
    t = ["cat", "dog", "bird", "dog", "cat", "bird"]
    p = ["cat", "cat", "bird", "dog", "dog", "dog"]
    expect_equal(
        np.asarray(submitted(t, p)),
        reference(t, p),
        inputs={"y_true": t, "y_pred": p},
        mistakes=[(reference(t, p).T, "rows are the true labels, columns the predictions")],
    )


def check_label_only_predicted(submitted, reference):
    """a label that appears only among the predictions still gets a row and a column"""
    t, p = [0, 1, 1], [0, 1, 2]
    expect_equal(
        np.asarray(submitted(t, p)),
        reference(t, p),
        inputs={"y_true": t, "y_pred": p},
        mistakes=[(np.array([[1, 0], [0, 1]]), "collect the labels from y_true AND y_pred")],
    )


def check_given_labels(submitted, reference):
    """labels= fixes the order (and may list an absent class)"""
    t, p, labels = [1, 0, 1], [1, 1, 1], [1, 0, 2]
    expect_equal(
        np.asarray(submitted(t, p, labels=labels)),
        reference(t, p, labels=labels),
        inputs={"y_true": t, "y_pred": p, "labels": labels},
    )
