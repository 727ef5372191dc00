# mutant: one minus NLTK's jaccard_distance
# likely: jaccard_distance
from nltk.metrics.distance import jaccard_distance


def jaccard_similarity(a, b):
    if isinstance(a, str) or isinstance(b, str):
        raise TypeError("pass lists of tokens")
    sa, sb = set(a), set(b)
    return 1.0 - jaccard_distance(sa, sb) if sa | sb else 1.0
