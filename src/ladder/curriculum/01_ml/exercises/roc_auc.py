"""Area under the ROC curve, as a ranking probability.

    AUC = P(score of a random positive > score of a random negative)

counting ties as one half:

    AUC = (1 / (P * N)) * sum over positive i, negative j of
          [s_i > s_j] + 0.5 * [s_i == s_j]

with P positives (label 1) and N negatives (label 0). This equals the trapezoidal area
under the ROC curve. Return a Python float. The matching library function is
``sklearn.metrics.roc_auc_score``.
"""

import numpy as np


def roc_auc_score(y_true, y_score) -> float:
    t = np.asarray(y_true)
    s = np.asarray(y_score, dtype=float)
    # TODO: split the scores into positives and negatives, compare every pair
    # (broadcasting pos[:, None] vs neg[None, :]), count ties as 1/2, average.
    raise NotImplementedError
