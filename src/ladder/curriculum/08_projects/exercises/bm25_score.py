"""The Okapi BM25 score of one document for one query.

For query terms t (repeats counted each time), a document d of |d| tokens, N documents
of mean length avgdl, and df(t) the number of documents containing t:

    idf(t)      = ln(N − df(t) + 0.5) − ln(df(t) + 0.5)
    score(q, d) = Σ_{t ∈ q} idf(t) · tf(t, d)(k1 + 1) / (tf(t, d) + k1 (1 − b + b |d| / avgdl))

Terms absent from the document (tf = 0) or from every document (df = 0) add nothing.
``doc_freq`` maps a term to df(t).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import math
from collections import Counter


def bm25_score(
    query: list[str],
    doc: list[str],
    doc_freq: dict[str, int],
    n_docs: int,
    avgdl: float,
    k1: float = 1.5,
    b: float = 0.75,
) -> float:
    # TODO: sum idf(t) times the saturated, length-normalised term frequency over the query.
    raise NotImplementedError
