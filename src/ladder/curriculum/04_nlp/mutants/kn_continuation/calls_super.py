# mutant: returns the library's continuation counts through super()
# likely: super().continuation_
from ladder.nlp.ngram import KneserNeyInterpolated as _KneserNey


class KneserNeyInterpolated(_KneserNey):
    @property
    def continuation_(self):
        return super().continuation_

    @property
    def continuation_total_(self):
        return super().continuation_total_
