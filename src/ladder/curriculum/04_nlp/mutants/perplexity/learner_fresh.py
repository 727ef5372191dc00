# mutant: (learner) perplexity as the mean of each n-gram's own perplexity 1 / P
from ladder.nlp.ngram import Laplace as _Laplace


class Laplace(_Laplace):
    def entropy(self, ngrams):
        scores = [self.logscore(g[-1], g[:-1]) for g in ngrams]
        if not scores:
            raise ValueError("no n-grams")
        return -sum(scores) / len(scores)

    def perplexity(self, ngrams):
        ngrams = list(ngrams)
        if not ngrams:
            raise ValueError("no n-grams")
        return sum(2.0 ** -self.logscore(g[-1], g[:-1]) for g in ngrams) / len(ngrams)
