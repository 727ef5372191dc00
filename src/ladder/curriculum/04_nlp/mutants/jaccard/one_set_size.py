# mutant: divides by the size of the first set
# likely: divide by the size of the union
def jaccard_similarity(a, b):
    if isinstance(a, str) or isinstance(b, str):
        raise TypeError("pass lists of tokens")
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa) if sa else 1.0
