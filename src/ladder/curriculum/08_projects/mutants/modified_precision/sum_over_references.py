# mutant: clip by the sum of the references' counts instead of the maximum
# likely: take the maximum
from collections import Counter


def modified_precision(hypothesis, references, n):
    hyp = Counter(tuple(hypothesis[i : i + n]) for i in range(len(hypothesis) - n + 1))
    total_ref = Counter()
    for r in references:
        total_ref.update(tuple(r[i : i + n]) for i in range(len(r) - n + 1))
    return sum(min(c, total_ref[g]) for g, c in hyp.items()), sum(hyp.values())
