# mutant: forgets the minus sign
# likely: negate

from ladder.nlp.ngram import Laplace as _Laplace


class Laplace(_Laplace):
    def entropy(self, ngrams):
        scores = [self.logscore(g[-1], g[:-1]) for g in ngrams]
        if not scores:
            raise ValueError("no n-grams")
        return sum(scores) / len(scores)

    def perplexity(self, ngrams):
        return 2.0 ** self.entropy(ngrams)
