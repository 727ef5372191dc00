# mutant: adds the raw counts c(h w) instead of 1 per type
# likely: not the raw counts
from collections import Counter

from ladder.nlp.ngram import KneserNeyInterpolated as _KneserNey


class KneserNeyInterpolated(_KneserNey):
    @property
    def continuation_(self):
        cont = Counter()
        for h, followers in self.counts_.items():
            if h:
                for w, c in followers.items():
                    cont[h[1:] + (w,)] += c
        return cont

    @property
    def continuation_total_(self):
        total = Counter()
        for h, followers in self.counts_.items():
            if h:
                for _ in followers:
                    total[h[1:]] += 1
        return total
