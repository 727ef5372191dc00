# mutant: adds 1 whatever k is (Laplace only)
# likely: not always 1
from ladder.nlp.ngram import NgramLanguageModel


class Lidstone(NgramLanguageModel):
    def __init__(self, gamma, order, unk_cutoff=1):
        super().__init__(order, unk_cutoff)
        self.gamma = gamma

    def score(self, word, context=()):
        word, h = self.vocab_.lookup(word), tuple(self.vocab_.lookup(w) for w in context)
        h = h[-(self.order - 1) :] if self.order > 1 else ()
        c = self.counts_[h][word] if h in self.counts_ else 0
        total = self.totals_.get(h, 0)
        return (c + 1) / (total + len(self.vocab_))
