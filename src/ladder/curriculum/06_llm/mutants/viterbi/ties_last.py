# mutant: a later candidate with an equal score replaces the first (>=)
# likely: only when strictly better
import math


def viterbi(text, vocab, max_len, unk_score, unk_id=-1):
    n = len(text)
    best, back = [-math.inf] * (n + 1), [None] * (n + 1)
    best[0] = 0.0
    for start in range(n):
        single = False
        for end in range(start + 1, min(n, start + max_len) + 1):
            e = vocab.get(text[start:end])
            if e is None:
                continue
            if back[end] is None or best[start] + e[1] >= best[end]:
                best[end], back[end] = best[start] + e[1], (start, e[0])
            single = single or end == start + 1
        if not single and (back[start + 1] is None or best[start] + unk_score >= best[start + 1]):
            best[start + 1], back[start + 1] = best[start] + unk_score, (start, unk_id)
    path, end = [], n
    while end > 0:
        start, pid = back[end]
        path.append((pid, start, end))
        end = start
    return path[::-1]
