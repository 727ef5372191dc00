# mutant: natural logarithm of the probabilities (nats)
# likely: that is nats
import math

from ladder.nlp.ngram import Laplace as _Laplace


class Laplace(_Laplace):
    def entropy(self, ngrams):
        scores = [math.log(self.score(g[-1], g[:-1])) for g in ngrams]
        if not scores:
            raise ValueError("no n-grams")
        return -sum(scores) / len(scores)

    def perplexity(self, ngrams):
        return 2.0 ** self.entropy(ngrams)
