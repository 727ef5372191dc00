# mutant: (learner) rewrote the given lines and keeps the first order - 1 words of the context
# likely: keep the *last* order − 1 words
from ladder.nlp.ngram import NgramLanguageModel


class MLE(NgramLanguageModel):
    def score(self, word, context=()):
        word = self.vocab_.lookup(word)
        h = tuple(self.vocab_.lookup(w) for w in context)[: self.order - 1]
        total = self.totals_.get(h, 0)
        return self.counts_[h][word] / total if total else 0.0
