# mutant: applies the latest-learned merge first (highest rank)
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
        while len(ids) >= 2:
            pair = max(pairwise(ids), key=lambda p: self.merges_.get(p, -1))
            if pair not in self.merges_:
                break
            ids = _merge(ids, pair, self.merges_[pair])
        return ids
