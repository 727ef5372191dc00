# mutant: an unseen context still gives only 1 - lambda to the shorter one
# likely: an unseen context gives all its mass
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
            return lam * self.counts_[()][word] / total + (1 - lam) / len(self.vocab_)
        lower = self.score(word, h[1:])
        mle = self.counts_[h][word] / total if total else 0.0
        return lam * mle + (1 - lam) * lower
