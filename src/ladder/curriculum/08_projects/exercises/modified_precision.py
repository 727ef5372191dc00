"""BLEU's modified (clipped) n-gram precision for one output.

Count the output's n-grams. Each is credited at most as many times as it occurs in the
single reference where it is most frequent (the maximum over references, not the sum):

    matches = Σ_g min(count_out(g), max_ref count_ref(g))      total = Σ_g count_out(g)

    "the the the the" against ["the cat"], n = 1  →  (1, 4)

Tokens are given as lists of strings. Return the pair ``(matches, total)`` of integers.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from collections import Counter


def modified_precision(
    hypothesis: list[str], references: list[list[str]], n: int
) -> tuple[int, int]:
    # TODO: count the output's n-grams; clip each by its largest count in one reference.
    raise NotImplementedError
