"""A model-card field: the worst-off group.

``by_group`` maps each group to a metric value, for example {"women": 0.71, "men": 0.74}.
If higher is better (accuracy, TPR) the worst group has the smallest value; if lower is
better (an error rate, an FPR) it has the largest. Return the dict

    {"worst_group": g, "value": by_group[g], "best_group": b,
     "gap": round(abs(by_group[b] − by_group[g]), 12)}

with plain Python values. Raise ValueError for an empty dict.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""


def worst_group_gap(by_group: dict, higher_is_better: bool = True) -> dict:
    # TODO: pick the worst and best groups with min/max and key=by_group.get,
    # swapping them when lower is better.
    raise NotImplementedError
