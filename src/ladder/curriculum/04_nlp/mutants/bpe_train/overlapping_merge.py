# mutant: after a merge the scan moves one step, not two: overlapping pairs in a run all merge
from collections import Counter
from itertools import pairwise

import regex

from ladder.nlp.bpe import GPT2_SPLIT_PATTERN


def _merge(ids, pair, new_id):
    out, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
            out.append(new_id)
            if i + 2 < len(ids) and (ids[i + 1], ids[i + 2]) == pair:
                i += 1
            else:
                i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def train_bpe_naive(text, vocab_size, pattern=GPT2_SPLIT_PATTERN):
    chunks = [list(c.encode("utf-8")) for c in regex.findall(pattern, text)]
    merges = {}
    for new_id in range(256, vocab_size):
        counts = Counter()
        for ids in chunks:
            counts.update(pairwise(ids))
        if not counts:
            break
        pair = max(counts, key=lambda p: (counts[p], -p[0], -p[1]))
        merges[pair] = new_id
        chunks = [_merge(ids, pair, new_id) for ids in chunks]
    return merges
