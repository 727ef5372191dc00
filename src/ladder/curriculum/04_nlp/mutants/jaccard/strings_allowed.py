# mutant: accepts a string, comparing its letters
def jaccard_similarity(a, b):
    sa, sb = set(a), set(b)
    union = sa | sb
    return len(sa & sb) / len(union) if union else 1.0
