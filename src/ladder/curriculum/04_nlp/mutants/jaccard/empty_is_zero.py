# mutant: two empty collections give 0
# likely: two empty sets are identical
def jaccard_similarity(a, b):
    if isinstance(a, str) or isinstance(b, str):
        raise TypeError("pass lists of tokens")
    sa, sb = set(a), set(b)
    union = sa | sb
    return len(sa & sb) / len(union) if union else 0.0
