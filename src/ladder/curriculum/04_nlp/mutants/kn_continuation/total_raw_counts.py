# mutant: continuation_total_ sums the raw counts
# likely: types, not tokens
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
                total[h[1:]] += sum(followers.values())
        return total
