# mutant: borrows the library's Lidstone score with k = 0 for seen contexts
# likely: ladder.nlp.ngram.Lidstone
from ladder.nlp.ngram import Lidstone, NgramLanguageModel


class MLE(NgramLanguageModel):
    gamma = 0.0

    def score(self, word, context=()):
        word, h = self.vocab_.lookup(word), tuple(self.vocab_.lookup(w) for w in context)
        h = h[-(self.order - 1) :] if self.order > 1 else ()
        if not self.totals_.get(h):
            return 0.0
        return Lidstone.score(self, word, context)
