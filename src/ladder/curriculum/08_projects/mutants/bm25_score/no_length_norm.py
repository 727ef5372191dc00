# mutant: no length normalisation
# likely: the document's length matters
import math
from collections import Counter


def bm25_score(query, doc, doc_freq, n_docs, avgdl, k1=1.5, b=0.75):
    tf = Counter(doc)
    total = 0.0
    for t in query:
        df = doc_freq.get(t, 0)
        if df and tf[t]:
            idf = math.log(n_docs - df + 0.5) - math.log(df + 0.5)
            total += idf * tf[t] * (k1 + 1) / (tf[t] + k1)
    return total
