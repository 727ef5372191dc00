# mutant: does not check that the two inputs have the same length (zip truncates)
from collections import defaultdict


def selection_rate_by_group(y_pred, sensitive_features, *, pos_label=1) -> dict:
    hits, sizes = defaultdict(int), defaultdict(int)
    for p, a in zip(y_pred, sensitive_features, strict=False):  # truncates: the mistake
        a = a.item() if hasattr(a, "item") else a
        sizes[a] += 1
        hits[a] += p == pos_label
    return {a: hits[a] / sizes[a] for a in sorted(sizes)}
