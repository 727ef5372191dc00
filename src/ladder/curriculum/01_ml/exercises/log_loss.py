"""The log loss (cross-entropy) of predicted probabilities.

    log_loss = -(1/n) * sum_i log p_i[y_i]

``y_true`` holds n labels; ``y_proba`` is either (n, K), one column per class in the
order of the sorted distinct labels, or (n,), the probability of the larger of two
labels (then the other column is 1 - p). Clip the probabilities to [eps, 1 - eps] with
eps = np.finfo(float).eps so that log(0) never happens. Return a Python float. The
matching library function is ``sklearn.metrics.log_loss``.
"""

import numpy as np


def log_loss(y_true, y_proba) -> float:
    t = np.asarray(y_true)
    P = np.asarray(y_proba, dtype=float)
    # TODO: make P two-column if it is 1-D, clip it, find each sample's class column
    # (np.unique(t, return_inverse=True)), average -log of the chosen entries.
    raise NotImplementedError
