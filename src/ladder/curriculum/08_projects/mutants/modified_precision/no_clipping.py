# mutant: every output n-gram found in a reference counts, without clipping
# likely: clip each n-gram by its count in the reference


def modified_precision(hypothesis, references, n):
    grams = [tuple(hypothesis[i : i + n]) for i in range(len(hypothesis) - n + 1)]
    seen = {tuple(r[i : i + n]) for r in references for i in range(len(r) - n + 1)}
    return sum(g in seen for g in grams), len(grams)
