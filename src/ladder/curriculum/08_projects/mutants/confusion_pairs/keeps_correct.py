# mutant: lists correct predictions too
# likely: leave correct predictions out
from collections import Counter


def confusion_pairs(y_true, y_pred):
    if len(y_true) != len(y_pred):
        raise ValueError("lengths differ")
    counts = Counter(zip(y_true, y_pred))
    order = list(dict.fromkeys(zip(y_true, y_pred)))
    return [(t, p, counts[(t, p)]) for t, p in sorted(order, key=lambda tp: -counts[tp])]
