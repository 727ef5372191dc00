"""SST-2 (GLUE): binary sentiment of movie-review sentences, from ``shared/data/sst2``.

Splits: ``train`` (67,349), ``dev`` (872) and ``test`` (1,821, labels from the derived
``test_labeled.tsv``). Labels: 0 negative, 1 positive.
"""

from __future__ import annotations

import csv

from ladder.data.text import locate_dataset

__all__ = ["load_sst2"]

_FILES = {"train": "train.tsv", "dev": "dev.tsv", "test": "test_labeled.tsv"}


def load_sst2(split: str = "train") -> tuple[list[str], list[int]]:
    """Return ``(sentences, labels)`` of one split.

    >>> sentences, labels = load_sst2("dev")  # doctest: +SKIP
    """
    if split not in _FILES:
        raise ValueError(f"unknown SST-2 split {split!r}; use one of {sorted(_FILES)}.")
    path = locate_dataset("sst2") / _FILES[split]
    sentences: list[str] = []
    labels: list[int] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            sentences.append(row["sentence"].strip())
            labels.append(int(row["label"]))
    return sentences, labels
