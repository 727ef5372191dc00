# mutant: no ValueError for an empty list (ZeroDivisionError instead)

from ladder.nlp.ngram import Laplace as _Laplace


class Laplace(_Laplace):
    def entropy(self, ngrams):
        scores = [self.logscore(g[-1], g[:-1]) for g in ngrams]
        return -sum(scores) / len(scores)

    def perplexity(self, ngrams):
        return 2.0 ** self.entropy(ngrams)
