r"""Kneser–Ney continuation counts.

Interpolated Kneser–Ney uses raw counts only at the highest order; every lower order
uses **continuation counts**: how many *distinct* words precede an n-gram. Fitting has
already filled ``self.counts_``: ``self.counts_[h]`` is a ``Counter`` of the words ``w``
that followed context ``h`` (tuples of length ``0 .. order-1``; ``()`` holds the unigram
counts). Every pair ``(h, w)`` with ``len(h) >= 1`` in it is one distinct n-gram type
``h + (w,)``. For each such type, with ``h = (v, *rest)``:

* ``continuation_[tuple(rest) + (w,)] += 1`` — one more distinct word (``v``) precedes
  ``rest + w``: this is ``N1+(• rest w)``;
* ``continuation_total_[tuple(rest)] += 1`` — ``N1+(• rest •)``, the number of distinct
  types ``v + rest + anything``.

Return them as ``collections.Counter`` objects. Example (bigrams of the lesson): ``sam``
follows ``<s>`` and ``am``, so ``continuation_[("sam",)] == 2``; there are 15 bigram
types, so ``continuation_total_[()] == 15``. Count types (each key once), never the raw
counts ``c(h w)``. The matching library class is ``ladder.nlp.ngram.KneserNeyInterpolated``
(``nltk.lm.KneserNeyInterpolated``), which keeps the same numbers in arrays to score fast.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from collections import Counter

from ladder.nlp.ngram import KneserNeyInterpolated as _KneserNey


class KneserNeyInterpolated(_KneserNey):
    @property
    def continuation_(self) -> Counter:
        """N1+(• g) for every n-gram g of length 1 .. order-1."""
        # TODO: loop over self.counts_.items(); skip h == (); count each (h, w) type once.
        raise NotImplementedError

    @property
    def continuation_total_(self) -> Counter:
        """N1+(• h •) for every context h of length 0 .. order-2."""
        # TODO: the same loop, counting by h[1:].
        raise NotImplementedError
