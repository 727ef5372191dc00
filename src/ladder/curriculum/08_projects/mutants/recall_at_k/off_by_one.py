# mutant: looks at the first k + 1 entries
# likely: ranking[:k]
def recall_at_k(ranked, relevant, k):
    if k < 1 or len(ranked) != len(relevant):
        raise ValueError("bad input")
    return sum(rel in r[: k + 1] for r, rel in zip(ranked, relevant)) / len(ranked)
