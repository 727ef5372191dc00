# mutant: counts with multiplicities (Counter & and |), the weighted Jaccard
from collections import Counter


def jaccard_similarity(a, b):
    if isinstance(a, str) or isinstance(b, str):
        raise TypeError("pass lists of tokens")
    ca, cb = Counter(a), Counter(b)
    union = sum((ca | cb).values())
    return sum((ca & cb).values()) / union if union else 1.0
