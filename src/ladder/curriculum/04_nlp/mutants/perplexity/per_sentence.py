# mutant: averages over the sentences (the </s> events), not over the n-grams
# likely: divide by N

from ladder.nlp.ngram import Laplace as _Laplace


class Laplace(_Laplace):
    def entropy(self, ngrams):
        ngrams = list(ngrams)
        scores = [self.logscore(g[-1], g[:-1]) for g in ngrams]
        if not scores:
            raise ValueError("no n-grams")
        sentences = sum(1 for g in ngrams if g[-1] == "</s>") or 1
        return -sum(scores) / sentences

    def perplexity(self, ngrams):
        return 2.0 ** self.entropy(ngrams)
