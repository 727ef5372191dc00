# mutant: returns the Jaccard distance 1 - J
# likely: Jaccard distance
def jaccard_similarity(a, b):
    if isinstance(a, str) or isinstance(b, str):
        raise TypeError("pass lists of tokens")
    sa, sb = set(a), set(b)
    union = sa | sb
    return 1.0 - len(sa & sb) / len(union) if union else 0.0
