# mutant: counts a hit anywhere in the ranking
# likely: only the first k entries count
def recall_at_k(ranked, relevant, k):
    if k < 1 or len(ranked) != len(relevant):
        raise ValueError("bad input")
    return sum(rel in r for r, rel in zip(ranked, relevant)) / len(ranked)
