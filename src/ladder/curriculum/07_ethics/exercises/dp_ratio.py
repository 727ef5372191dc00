"""Demographic parity ratio.

The selection rate of each group is P(ŷ = 1 | A = a). The demographic parity ratio is the
smallest group selection rate divided by the largest:

    ratio = min_a rate[a] / max_a rate[a]

1 means parity; the US four-fifths rule flags a ratio below 0.8. Return a Python float.
``y_true`` is not used (fairlearn's signature keeps it). If every group's rate is 0,
return 1.0 (0/0 counts as equal).
The matching library function is ``fairlearn.metrics.demographic_parity_ratio``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np


def demographic_parity_ratio(y_true, y_pred, *, sensitive_features) -> float:
    # TODO: selection rate of each group, then min / max.
    raise NotImplementedError
