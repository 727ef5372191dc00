r"""Cross-entropy and perplexity of an n-gram model.

The model (Laplace smoothing) is done for you; ``self.logscore(word, context)`` returns
``log2 P(word | context)`` (``-inf`` for probability 0). ``ngrams`` is a list of n-gram
tuples ``(w_1, ..., w_n)``: the context is all but the last word, the event the last
word. For the ``N`` n-grams:

    entropy    H  = -(1/N) Σ log2 P(w_n | w_1 .. w_{n-1})      (bits per word)
    perplexity PP = 2 ** H

An empty list raises ``ValueError`` (the average is undefined). ``self.ngrams_of(sentences)``
gives the padded n-grams of a list of sentences. The matching library class is
``ladder.nlp.ngram.Laplace`` (``nltk.lm.Laplace``; ``entropy``/``perplexity`` are
defined on every model).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import math  # noqa: F401 - for your code

from ladder.nlp.ngram import Laplace as _Laplace


class Laplace(_Laplace):
    def entropy(self, ngrams) -> float:
        # TODO: average -logscore over the n-grams (ValueError if there are none).
        raise NotImplementedError

    def perplexity(self, ngrams) -> float:
        # TODO: 2 to the power of the entropy.
        raise NotImplementedError
