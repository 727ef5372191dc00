# mutant: divides by k as well (precision-like)
# likely: divide by the number of queries, not by k
def recall_at_k(ranked, relevant, k):
    if k < 1 or len(ranked) != len(relevant):
        raise ValueError("bad input")
    return sum(rel in r[:k] for r, rel in zip(ranked, relevant)) / (len(ranked) * k)
