"""Selection rate by group.

For each group a of ``sensitive_features``, the share of that group's predictions equal
to ``pos_label``:

    selection_rate[a] = (number of i in group a with y_pred[i] == pos_label) / (size of group a)

Return a dict {group: rate} with the groups in sorted order, rates as Python floats.
Raise ValueError if y_pred and sensitive_features have different lengths.
``fairlearn.metrics.MetricFrame(metrics=selection_rate, …).by_group`` gives the same numbers.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np


def selection_rate_by_group(y_pred, sensitive_features, *, pos_label=1) -> dict:
    # TODO: for each distinct group (np.unique sorts them), average y_pred == pos_label
    # over the members of that group only.
    raise NotImplementedError
