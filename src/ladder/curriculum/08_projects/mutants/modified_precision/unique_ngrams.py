# mutant: counts distinct n-grams only (a set), not their occurrences


def modified_precision(hypothesis, references, n):
    hyp = {tuple(hypothesis[i : i + n]) for i in range(len(hypothesis) - n + 1)}
    refs = {tuple(r[i : i + n]) for r in references for i in range(len(r) - n + 1)}
    return len(hyp & refs), len(hyp)
