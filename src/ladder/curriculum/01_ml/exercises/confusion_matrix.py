"""The confusion matrix.

    C[i, j] = number of samples whose true label is labels[i] and predicted label labels[j]

Rows are the truth, columns the prediction. ``labels`` defaults to the sorted distinct
labels found in y_true and y_pred together. For two classes 0/1 this gives
[[TN, FP], [FN, TP]]. Return an integer array of shape (K, K). The matching library
function is ``sklearn.metrics.confusion_matrix``.
"""

import numpy as np


def confusion_matrix(y_true, y_pred, labels=None) -> np.ndarray:
    t, p = np.asarray(y_true), np.asarray(y_pred)
    # TODO: find the labels, map each to its row/column index, count the pairs.
    raise NotImplementedError
