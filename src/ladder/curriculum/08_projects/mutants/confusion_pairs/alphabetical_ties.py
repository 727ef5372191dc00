# mutant: ties broken alphabetically instead of by first occurrence
from collections import Counter


def confusion_pairs(y_true, y_pred):
    if len(y_true) != len(y_pred):
        raise ValueError("lengths differ")
    counts = Counter((t, p) for t, p in zip(y_true, y_pred) if t != p)
    return [(t, p, c) for (t, p), c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
