# mutant: keys by h + (w,), the n-gram itself, instead of dropping its first word
# likely: drop the first word
from collections import Counter

from ladder.nlp.ngram import KneserNeyInterpolated as _KneserNey


class KneserNeyInterpolated(_KneserNey):
    @property
    def continuation_(self):
        cont = Counter()
        for h, followers in self.counts_.items():
            if h:
                for w in followers:
                    cont[h + (w,)] += 1
        return cont

    @property
    def continuation_total_(self):
        total = Counter()
        for h, followers in self.counts_.items():
            if h:
                for _ in followers:
                    total[h[1:]] += 1
        return total
