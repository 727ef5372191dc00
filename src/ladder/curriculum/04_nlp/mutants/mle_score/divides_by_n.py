# mutant: divides by the number of all unigram events N instead of c(h)
# likely: not by all the n-grams
from ladder.nlp.ngram import NgramLanguageModel


class MLE(NgramLanguageModel):
    def score(self, word, context=()):
        word, h = self.vocab_.lookup(word), tuple(self.vocab_.lookup(w) for w in context)
        h = h[-(self.order - 1) :] if self.order > 1 else ()
        if h not in self.counts_:
            return 0.0
        return self.counts_[h][word] / self.totals_[()]
