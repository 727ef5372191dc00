r"""Skip-gram training pairs.

For every position ``i`` of ``tokens`` (the centre), pair it with every token at
positions ``j`` with ``|i - j| <= window`` and ``j != i`` that lie inside the sentence.
Return the ``(centre, context)`` pairs in this order: centres left to right, and for each
centre its contexts left to right::

    skipgram_pairs([0, 1, 2], window=1)  ->  [(0, 1), (1, 0), (1, 2), (2, 1)]

(Word2Vec also shrinks the window at random for each centre; this exercise does not.)
The matching library function is ``ladder.nlp.word2vec.skipgram_pairs``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from collections.abc import Sequence


def skipgram_pairs(tokens: Sequence[int], window: int) -> list[tuple[int, int]]:
    # TODO: two loops: over centres i, then over j from max(0, i - window) to
    # min(len(tokens) - 1, i + window), skipping j == i.
    raise NotImplementedError
