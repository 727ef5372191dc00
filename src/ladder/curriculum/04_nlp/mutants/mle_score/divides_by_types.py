# mutant: divides by the number of distinct words after h
# likely: not by the number of distinct words
from ladder.nlp.ngram import NgramLanguageModel


class MLE(NgramLanguageModel):
    def score(self, word, context=()):
        word, h = self.vocab_.lookup(word), tuple(self.vocab_.lookup(w) for w in context)
        h = h[-(self.order - 1) :] if self.order > 1 else ()
        if h not in self.counts_:
            return 0.0
        return self.counts_[h][word] / len(self.counts_[h])
