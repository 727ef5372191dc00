# mutant: walks the merges in rank order once, replacing the first occurrence of each
# likely: replace every occurrence of the pair
from itertools import pairwise

from ladder.nlp.bpe import ByteLevelBPE as _TrainedBPE


class ByteLevelBPE(_TrainedBPE):
    def _encode_chunk(self, chunk):
        ids = list(chunk.encode("utf-8"))
        for pair, new_id in self.merges_.items():
            pairs = list(pairwise(ids))
            if pair in pairs:
                i = pairs.index(pair)
                ids = ids[:i] + [new_id] + ids[i + 2 :]
        return ids
