r"""Maximum-likelihood n-gram probabilities.

The counting is done for you by ``NgramLanguageModel.fit``; you write ``score``. After
``fit``:

* ``self.counts_[h]`` is a ``Counter`` of the words that followed context ``h`` (a
  tuple of up to ``order - 1`` words; ``()`` for unigrams): ``c(h w)``;
* ``self.totals_[h]`` is ``c(h)``, the number of n-grams with context ``h``;
* contexts never seen are absent from both dicts.

The first two lines of ``score`` (given) map unknown words to ``<UNK>`` and keep only the
last ``order - 1`` words of the context. Then return

    P(word | context) = c(context word) / c(context)

and 0 when the context was never seen. The matching library class is
``ladder.nlp.ngram.MLE`` (``nltk.lm.MLE``).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from collections.abc import Sequence

from ladder.nlp.ngram import NgramLanguageModel


class MLE(NgramLanguageModel):
    def score(self, word: str, context: Sequence[str] = ()) -> float:
        word, h = self.vocab_.lookup(word), tuple(self.vocab_.lookup(w) for w in context)
        h = h[-(self.order - 1) :] if self.order > 1 else ()
        # TODO: c(h) from self.totals_ (0 if absent -> return 0), c(h w) from self.counts_.
        raise NotImplementedError
