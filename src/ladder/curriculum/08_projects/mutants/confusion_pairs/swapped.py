# mutant: triples are (predicted, true, count)
# likely: (true, predicted, count)
from collections import Counter


def confusion_pairs(y_true, y_pred):
    if len(y_true) != len(y_pred):
        raise ValueError("lengths differ")
    pairs = [(p, t) for t, p in zip(y_true, y_pred) if t != p]
    counts = Counter(pairs)
    order = list(dict.fromkeys(pairs))
    return [(a, b, counts[(a, b)]) for a, b in sorted(order, key=lambda tp: -counts[tp])]
