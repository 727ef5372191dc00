# mutant: (learner) compares the tokens case-insensitively
# likely: compare the tokens as given
def jaccard_similarity(a, b):
    if isinstance(a, str) or isinstance(b, str):
        raise TypeError("pass lists of tokens")
    sa, sb = {t.lower() for t in a}, {t.lower() for t in b}
    union = sa | sb
    return len(sa & sb) / len(union) if union else 1.0
