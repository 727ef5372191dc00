"""Multi30k task 1 (Elliott et al., 2016, arXiv:1605.00459): English image captions and
their professional German translations, from ``shared/data/multi30k``.

Splits: ``train`` (29,000 pairs), ``val`` (1,014) and ``test_2016_flickr`` (1,000), raw
(untokenised, cased) text aligned line by line.
"""

from __future__ import annotations

import gzip

from ladder.data.text import locate_dataset

__all__ = ["SPLITS", "load_multi30k"]

SPLITS = ("train", "val", "test_2016_flickr")


def load_multi30k(split: str = "train") -> tuple[list[str], list[str]]:
    """Return ``(english, german)``: two equally long lists of sentences.

    >>> en, de = load_multi30k("val")  # doctest: +SKIP
    >>> len(en), len(de)               # doctest: +SKIP
    (1014, 1014)
    """
    if split not in SPLITS:
        raise ValueError(f"unknown Multi30k split {split!r}; use one of {list(SPLITS)}.")
    folder = locate_dataset("multi30k")
    sides = []
    for lang in ("en", "de"):
        with gzip.open(folder / f"{split}.{lang}.gz", "rt", encoding="utf-8") as handle:
            sides.append([line.rstrip("\n") for line in handle])
    en, de = sides
    if len(en) != len(de):  # a damaged copy: the checksums should have caught it
        raise ValueError(f"Multi30k {split}: {len(en)} English but {len(de)} German lines.")
    return en, de
