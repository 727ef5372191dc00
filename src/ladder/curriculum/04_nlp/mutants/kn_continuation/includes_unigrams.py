# mutant: counts the unigram types (h == ()) too
# likely: skip the unigram counts
from collections import Counter

from ladder.nlp.ngram import KneserNeyInterpolated as _KneserNey


class KneserNeyInterpolated(_KneserNey):
    @property
    def continuation_(self):
        cont = Counter()
        for h, followers in self.counts_.items():
            for w in followers:
                cont[h[1:] + (w,)] += 1
        return cont

    @property
    def continuation_total_(self):
        total = Counter()
        for h, followers in self.counts_.items():
            if h:
                for _ in followers:
                    total[h[1:]] += 1
        return total
