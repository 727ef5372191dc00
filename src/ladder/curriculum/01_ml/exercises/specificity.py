"""Specificity, the true negative rate.

    specificity = TN / (TN + FP)

of the samples that are really negative, the share predicted negative. Labels are
binary; ``pos_label`` names the positive one and the other label is the negative.
Careful: TN / (TN + FN) is a different quantity (the negative predictive value).
Return a Python float (0.0 if there are no negatives). scikit-learn has no function of
this name: it equals ``sklearn.metrics.recall_score(y_true, y_pred, pos_label=<negative>)``.
"""

import numpy as np


def specificity_score(y_true, y_pred, pos_label=1) -> float:
    t, p = np.asarray(y_true), np.asarray(y_pred)
    # TODO: count TN (true negative, predicted negative) and FP (true negative,
    # predicted positive); return TN / (TN + FP).
    raise NotImplementedError
