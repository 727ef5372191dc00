# mutant: an unseen context gives the uniform 1 / |V|
# likely: a context never seen
from ladder.nlp.ngram import NgramLanguageModel


class MLE(NgramLanguageModel):
    def score(self, word, context=()):
        word, h = self.vocab_.lookup(word), tuple(self.vocab_.lookup(w) for w in context)
        h = h[-(self.order - 1) :] if self.order > 1 else ()
        total = self.totals_.get(h, 0)
        if total == 0:
            return 1 / len(self.vocab_)
        return self.counts_[h][word] / total
