# mutant: 1 - lambda on the counts and lambda on the shorter context
# likely: λ weighs the counts
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
            return (1 - lam) * self.counts_[()][word] / total + lam / len(self.vocab_)
        lower = self.score(word, h[1:])
        return (1 - lam) * self.counts_[h][word] / total + lam * lower if total else lower
