# mutant: one pass over the merges present at the start, no repeat for merged tokens
# likely: loop until no adjacent pair has a merge
from itertools import pairwise

from ladder.nlp.bpe import ByteLevelBPE as _TrainedBPE


def _merge(ids, pair, new_id):
    out, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


class ByteLevelBPE(_TrainedBPE):
    def _encode_chunk(self, chunk):
        ids = list(chunk.encode("utf-8"))
        present = sorted({p for p in pairwise(ids) if p in self.merges_}, key=self.merges_.get)
        for pair in present:
            ids = _merge(ids, pair, self.merges_[pair])
        return ids
