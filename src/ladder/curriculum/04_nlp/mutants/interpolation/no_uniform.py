# mutant: the recursion ends at the plain MLE unigram, without the uniform share
# likely: end the recursion with the uniform share
from collections.abc import Sequence

from ladder.nlp.ngram import NgramLanguageModel


class JelinekMercerInterpolated(NgramLanguageModel):
    def __init__(self, lambda_: float, order: int, unk_cutoff: int = 1) -> None:
        super().__init__(order, unk_cutoff)
        self.lambda_ = lambda_

    def score(self, word: str, context: Sequence[str] = ()) -> float:
        word, h = self.vocab_.lookup(word), tuple(self.vocab_.lookup(w) for w in context)
        h = h[-(self.order - 1) :] if self.order > 1 else ()
        lam = self.lambda_
        total = self.totals_.get(h, 0)
        if not h:
            return self.counts_[()][word] / total
        lower = self.score(word, h[1:])
        return lam * self.counts_[h][word] / total + (1 - lam) * lower if total else lower
