# mutant: keeps only the last word of the context
# likely: not only its last word
from ladder.nlp.ngram import NgramLanguageModel


class MLE(NgramLanguageModel):
    def score(self, word, context=()):
        word, h = self.vocab_.lookup(word), tuple(self.vocab_.lookup(w) for w in context)
        h = h[-(self.order - 1) :] if self.order > 1 else ()
        h = h[-1:]
        total = self.totals_.get(h, 0)
        return self.counts_[h][word] / total if total else 0.0
