# mutant: returns the count c(h w), not a probability
# likely: divide the count by c(context)
from ladder.nlp.ngram import NgramLanguageModel


class MLE(NgramLanguageModel):
    def score(self, word, context=()):
        word, h = self.vocab_.lookup(word), tuple(self.vocab_.lookup(w) for w in context)
        h = h[-(self.order - 1) :] if self.order > 1 else ()
        return self.counts_[h][word] if h in self.counts_ else 0
