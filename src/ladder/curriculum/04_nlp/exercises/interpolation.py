r"""Jelinek–Mercer interpolation: mix every order, one weight per step down.

The counting is done for you by ``NgramLanguageModel.fit``; you write ``score``. After
``fit``, as in the MLE exercise:

* ``self.counts_[h]`` is a ``Counter`` of the words that followed context ``h`` (a tuple
  of up to ``order - 1`` words; ``()`` for unigrams): ``c(h w)``;
* ``self.totals_[h]`` is ``c(h)``; contexts never seen are absent from both;
* ``len(self.vocab_)`` is ``|V|`` (``<UNK>`` included); ``self.lambda_`` is λ.

With ``h'`` the context ``h`` without its oldest word::

    P(w | h)  = λ c(h w) / c(h) + (1 − λ) P(w | h')      if c(h) > 0
    P(w | h)  = P(w | h')                                  if h was never seen
    P(w | ()) = λ c(w) / N + (1 − λ) / |V|                 N = c(()), all unigram events

The last line ends the recursion: the uniform share keeps every word above 0. Unrolled,
a trigram model weighs its orders λ, λ(1 − λ), λ(1 − λ)² (and the rest goes to the
uniform distribution). The matching library class is
``ladder.nlp.ngram.JelinekMercerInterpolated``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from collections.abc import Sequence

from ladder.nlp.ngram import NgramLanguageModel


class JelinekMercerInterpolated(NgramLanguageModel):
    def __init__(self, lambda_: float, order: int, unk_cutoff: int = 1) -> None:
        super().__init__(order, unk_cutoff)
        self.lambda_ = lambda_

    def score(self, word: str, context: Sequence[str] = ()) -> float:
        word, h = self.vocab_.lookup(word), tuple(self.vocab_.lookup(w) for w in context)
        h = h[-(self.order - 1) :] if self.order > 1 else ()
        # TODO: the three cases above; for the lower order call self.score(word, h[1:]).
        raise NotImplementedError
