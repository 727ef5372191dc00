r"""Add-k (Lidstone) smoothing.

The counting is done for you by ``NgramLanguageModel.fit`` (see the MLE exercise:
``self.counts_[h]`` is a ``Counter`` of ``c(h w)``, ``self.totals_[h]`` is ``c(h)``,
unseen contexts are absent). ``len(self.vocab_)`` is the vocabulary size ``|V|``,
counting ``<s>``, ``</s>`` and ``<UNK>``. The first two lines of ``score`` (given) map
unknown words to ``<UNK>`` and trim the context. Then return

    P(word | context) = (c(context word) + k) / (c(context) + k |V|)

with ``k = self.gamma``. An unseen context has ``c = 0`` everywhere, so every word gets
``1 / |V|``. Laplace smoothing is ``k = 1``. The matching library class is
``ladder.nlp.ngram.Lidstone`` (``nltk.lm.Lidstone``).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from collections.abc import Sequence

from ladder.nlp.ngram import NgramLanguageModel


class Lidstone(NgramLanguageModel):
    def __init__(self, gamma: float, order: int, unk_cutoff: int = 1) -> None:
        super().__init__(order, unk_cutoff)
        self.gamma = gamma

    def score(self, word: str, context: Sequence[str] = ()) -> float:
        word, h = self.vocab_.lookup(word), tuple(self.vocab_.lookup(w) for w in context)
        h = h[-(self.order - 1) :] if self.order > 1 else ()
        # TODO: c(h w) and c(h), 0 when absent; then the add-k formula.
        raise NotImplementedError
