# mutant: borrows the library's Lidstone.score as its own
# likely: ladder.nlp.ngram.Lidstone
from ladder.nlp.ngram import Lidstone as _Library
from ladder.nlp.ngram import NgramLanguageModel


class Lidstone(NgramLanguageModel):
    score = _Library.score

    def __init__(self, gamma, order, unk_cutoff=1):
        super().__init__(order, unk_cutoff)
        self.gamma = gamma
