# mutant: no unknown node: a character without a piece breaks the path
import math


def viterbi(text, vocab, max_len, unk_score, unk_id=-1):
    n = len(text)
    best, back = [-math.inf] * (n + 1), [None] * (n + 1)
    best[0] = 0.0
    for start in range(n):
        if back[start] is None and start > 0:
            continue
        for end in range(start + 1, min(n, start + max_len) + 1):
            e = vocab.get(text[start:end])
            if e is not None and (back[end] is None or best[start] + e[1] > best[end]):
                best[end], back[end] = best[start] + e[1], (start, e[0])
    path, end = [], n
    while end > 0 and back[end] is not None:
        start, pid = back[end]
        path.append((pid, start, end))
        end = start
    return path[::-1]
