"""Checks for the confusion-matrix exercise."""

import numpy as np

from ladder.curriculum.expect import expect_equal, expect_true


def check_binary(submitted, reference):
    """[[TN, FP], [FN, TP]] for labels 0 and 1"""
    t = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1]
    p = [0, 0, 0, 0, 0, 0, 1, 1, 1, 0]
    expected = reference(list(t), list(p))
    got = np.asarray(submitted(list(t), list(p)))
    expect_equal(
        got,
        expected,
        inputs={"y_true": t, "y_pred": p},
        mistakes=[
            (expected.T, "rows are the true labels, columns the predictions"),
            (expected[::-1, ::-1], "order the labels ascending: row 0 is label 0"),
        ],
    )
    expect_true(
        got.dtype.kind in "iu",
        f"the counts have dtype {got.dtype}, expected an integer dtype",
        inputs={"y_true": t, "y_pred": p},
        misconception="counts are integers: np.zeros((K, K), dtype=int)",
    )


def check_three_classes(submitted, reference):
    """three string labels, sorted"""
    t = ["cat", "dog", "bird", "dog", "cat", "bird"]
    p = ["cat", "cat", "bird", "dog", "dog", "dog"]
    expected = reference(list(t), list(p))
    expect_equal(
        np.asarray(submitted(list(t), list(p))),
        expected,
        inputs={"y_true": t, "y_pred": p},
        mistakes=[
            (expected.T, "rows are the true labels, columns the predictions"),
            (
                reference(t, p, labels=["cat", "dog", "bird"]),
                "sort the labels (np.unique): bird, cat, dog, not the order they first appear",
            ),
        ],
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
    expected = reference(list(t), list(p), labels=list(labels))
    expect_equal(
        np.asarray(submitted(list(t), list(p), labels=list(labels))),
        expected,
        inputs={"y_true": t, "y_pred": p, "labels": labels},
        mistakes=[
            (
                reference(t, p),
                "use the labels= argument: it fixes the order and may list absent classes",
            ),
            (
                reference(t, p, labels=sorted(labels)),
                "keep the order labels= gives; sort only the labels you find yourself",
            ),
        ],
    )


def check_labels_outside_the_list(submitted, reference):
    """pairs with a label missing from labels= are left out, not an error"""
    t, p, labels = [0, 2, 1, 2, 0], [2, 2, 1, 0, 1], [2, 1]
    expected = reference(list(t), list(p), labels=list(labels))
    expect_equal(
        np.asarray(submitted(list(t), list(p), labels=list(labels))),
        expected,
        inputs={"y_true": t, "y_pred": p, "labels": labels},
    )
