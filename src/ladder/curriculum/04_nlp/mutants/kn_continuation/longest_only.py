# mutant: only the longest contexts (order - 1 words) give continuation counts
# likely: count types of every context length
from collections import Counter

from ladder.nlp.ngram import KneserNeyInterpolated as _KneserNey


class KneserNeyInterpolated(_KneserNey):
    @property
    def continuation_(self):
        cont = Counter()
        for h, followers in self.counts_.items():
            if len(h) == self.order - 1:
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
