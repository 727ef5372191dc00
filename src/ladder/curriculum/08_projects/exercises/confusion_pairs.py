"""Confusion-driven error analysis: the most frequent mistakes first.

Given true and predicted labels, count each kind of mistake ``(true, predicted)`` with
``true != predicted`` and return ``(true, predicted, count)`` triples, most frequent first;
mistakes seen equally often keep the order in which each first occurred. Correct
predictions are not listed.

    y_true ["pos", "neg", "neu", "neu", "neg"], y_pred ["pos", "neu", "neg", "neg", "neu"]
    → [("neg", "neu", 2), ("neu", "neg", 2)]

Raise ``ValueError`` when the lists differ in length.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from collections import Counter


def confusion_pairs(y_true: list[str], y_pred: list[str]) -> list[tuple[str, str, int]]:
    # TODO: count (true, predicted) pairs that differ; sort by count, then first occurrence.
    raise NotImplementedError
