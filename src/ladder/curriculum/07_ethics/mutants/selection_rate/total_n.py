# mutant: divides by the total number of samples instead of the group's size
# likely: divided by the total number of samples
import numpy as np


def selection_rate_by_group(y_pred, sensitive_features, *, pos_label=1) -> dict:
    p, g = np.asarray(y_pred), np.asarray(sensitive_features)
    if len(p) != len(g):
        raise ValueError("lengths differ")
    return {a.item(): float(np.sum(p[g == a] == pos_label) / len(p)) for a in np.unique(g)}
