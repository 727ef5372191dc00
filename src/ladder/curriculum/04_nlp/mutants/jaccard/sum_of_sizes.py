# mutant: divides by len(A) + len(B) instead of the union
# likely: not len(a) + len(b)
def jaccard_similarity(a, b):
    if isinstance(a, str) or isinstance(b, str):
        raise TypeError("pass lists of tokens")
    sa, sb = set(a), set(b)
    return len(sa & sb) / (len(sa) + len(sb)) if sa or sb else 1.0
