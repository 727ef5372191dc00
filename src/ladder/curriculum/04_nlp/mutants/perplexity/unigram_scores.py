# mutant: scores each word without its context
# likely: the context is all but the last word

from ladder.nlp.ngram import Laplace as _Laplace


class Laplace(_Laplace):
    def entropy(self, ngrams):
        scores = [self.logscore(g[-1]) for g in ngrams]
        if not scores:
            raise ValueError("no n-grams")
        return -sum(scores) / len(scores)

    def perplexity(self, ngrams):
        return 2.0 ** self.entropy(ngrams)
