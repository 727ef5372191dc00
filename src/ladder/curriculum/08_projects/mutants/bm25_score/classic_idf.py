# mutant: the classic idf ln(N / df)
# likely: not ln(N / df)
import math
from collections import Counter


def bm25_score(query, doc, doc_freq, n_docs, avgdl, k1=1.5, b=0.75):
    tf = Counter(doc)
    norm = k1 * (1 - b + b * len(doc) / avgdl)
    total = 0.0
    for t in query:
        df = doc_freq.get(t, 0)
        if df and tf[t]:
            total += math.log(n_docs / df) * tf[t] * (k1 + 1) / (tf[t] + norm)
    return total
