r"""Jaccard similarity of two collections of tokens.

    J(A, B) = |A ∩ B| / |A ∪ B|

computed on the **sets** of tokens: repeats do not count. Two empty collections are
identical (return 1.0). Passing a string raises ``TypeError`` (iterating it would give
letters; pass ``text.split()``). The matching library function is
``ladder.nlp.similarity.jaccard_similarity``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from collections.abc import Hashable, Iterable


def jaccard_similarity(a: Iterable[Hashable], b: Iterable[Hashable]) -> float:
    # TODO: refuse strings, make sets, divide the intersection size by the union size.
    raise NotImplementedError
