"""Equalized odds difference.

For binary labels (1 = positive), compute in every group a:

    TPR[a] = P(ŷ = 1 | y = 1, A = a)      (among the group's actual positives)
    FPR[a] = P(ŷ = 1 | y = 0, A = a)      (among the group's actual negatives)

The equalized odds difference is the larger of the two gaps:

    max( max_a TPR[a] − min_a TPR[a],  max_a FPR[a] − min_a FPR[a] )

Return a Python float. The matching library function is
``fairlearn.metrics.equalized_odds_difference``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np


def equalized_odds_difference(y_true, y_pred, *, sensitive_features) -> float:
    # TODO: per group, the TPR over rows with y_true == 1 and the FPR over rows with
    # y_true == 0; then the larger of the two max-minus-min gaps.
    raise NotImplementedError
