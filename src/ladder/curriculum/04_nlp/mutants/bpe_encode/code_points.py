# mutant: starts from the code points instead of the UTF-8 bytes
# likely: use the UTF-8 bytes
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
        ids = [ord(ch) for ch in chunk]
        while len(ids) >= 2:
            pair = min(pairwise(ids), key=lambda p: self.merges_.get(p, float("inf")))
            if pair not in self.merges_:
                break
            ids = _merge(ids, pair, self.merges_[pair])
        return ids
