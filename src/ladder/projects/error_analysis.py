"""Confusion-driven error analysis: which mistakes does a classifier make most often?

Accuracy says how often a model is wrong, not how. The confusion matrix counts, for each
true label t and predicted label p, how many examples of t were predicted as p; the
largest off-diagonal cells are the mistakes worth reading first (for sentiment, usually
"neutral read as negative": sarcasm, complaints phrased politely). Read a handful of
those examples before changing the model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence

__all__ = ["confusion_pairs"]


def confusion_pairs(
    y_true: Sequence[Hashable], y_pred: Sequence[Hashable]
) -> list[tuple[Hashable, Hashable, int]]:
    """The mistakes as (true, predicted, count), most frequent first; ties in the order
    the mistake first occurs. Correct predictions are not listed.

    >>> confusion_pairs(["pos", "neg", "neu", "neu", "neg"], ["pos", "neu", "neg", "neg", "neu"])
    [('neg', 'neu', 2), ('neu', 'neg', 2)]
    """
    if len(y_true) != len(y_pred):
        raise ValueError(f"y_true has {len(y_true)} labels but y_pred has {len(y_pred)}.")
    counts: Counter[tuple[Hashable, Hashable]] = Counter()
    first: dict[tuple[Hashable, Hashable], int] = {}
    for i, (t, p) in enumerate(zip(y_true, y_pred, strict=True)):
        if t != p:
            counts[(t, p)] += 1
            first.setdefault((t, p), i)
    ranked = sorted(counts, key=lambda tp: (-counts[tp], first[tp]))
    return [(t, p, counts[(t, p)]) for t, p in ranked]
