# mutant: continuation_total_ keyed by h instead of h[1:]
# likely: by h[1:]
from collections import Counter

from ladder.nlp.ngram import KneserNeyInterpolated as _KneserNey


class KneserNeyInterpolated(_KneserNey):
    @property
    def continuation_(self):
        cont = Counter()
        for h, followers in self.counts_.items():
            if h:
                for w in followers:
                    cont[h[1:] + (w,)] += 1
        return cont

    @property
    def continuation_total_(self):
        total = Counter()
        for h, followers in self.counts_.items():
            if h:
                total[h] += len(followers)
        return total
