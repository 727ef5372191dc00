# mutant: borrows the library class's recursion as its own method
# likely: JelinekMercerInterpolated
from ladder.nlp.ngram import JelinekMercerInterpolated as _Library
from ladder.nlp.ngram import NgramLanguageModel


class JelinekMercerInterpolated(NgramLanguageModel):
    _interpolated = _Library._interpolated

    def __init__(self, lambda_, order, unk_cutoff=1):
        super().__init__(order, unk_cutoff)
        self.lambda_ = lambda_

    def score(self, word, context=()):
        word, h = self.vocab_.lookup(word), tuple(self.vocab_.lookup(w) for w in context)
        h = h[-(self.order - 1) :] if self.order > 1 else ()
        return self._interpolated(word, h)
