r"""Okapi BM25 (Robertson et al., 1994): the ranking function of classic search engines.

For a query q (a bag of terms, repeats counted) and a document d of length |d| in a
collection of N documents with mean length avgdl:

    score(q, d) = Σ_{t ∈ q} idf(t) · tf(t, d)(k₁ + 1) / (tf(t, d) + k₁(1 − b + b·|d|/avgdl))
    idf(t)      = ln(N − df(t) + 0.5) − ln(df(t) + 0.5)

tf saturates (a word's 10th occurrence adds little: k₁ sets how fast), and long documents
are discounted (b = 1: fully by length, b = 0: not at all). A term in more than half of
the documents would get a negative idf; like ``rank_bm25.BM25Okapi`` such terms get
ε · mean(idf) instead (ε = 0.25).

The index is one sparse terms × documents matrix of the per-term contributions, so a
query's scores are the sum of a few rows: microseconds per query term.
Parity: ``tests/projects/test_bm25.py`` (scores equal to ``rank_bm25.BM25Okapi``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

__all__ = ["BM25", "bm25_score"]


def bm25_score(
    query: Sequence[str],
    doc: Sequence[str],
    doc_freq: dict[str, int],
    n_docs: int,
    avgdl: float,
    k1: float = 1.5,
    b: float = 0.75,
) -> float:
    """The BM25 score of one tokenised document for one tokenised query (plain idf, no
    ε floor): the formula term by term."""
    tf = Counter(doc)
    norm = k1 * (1 - b + b * len(doc) / avgdl)
    total = 0.0
    for t in query:
        df = doc_freq.get(t, 0)
        if df == 0 or tf[t] == 0:
            continue
        idf = math.log(n_docs - df + 0.5) - math.log(df + 0.5)
        total += idf * tf[t] * (k1 + 1) / (tf[t] + norm)
    return total


class BM25:
    """A BM25 index over tokenised documents (``rank_bm25.BM25Okapi``'s definition).

    >>> index = BM25([["a", "cat"], ["a", "dog", "dog"], ["birds", "fly"]])
    >>> int(index.get_scores(["dog"]).argmax())
    1
    """

    def __init__(
        self,
        corpus: Sequence[Sequence[str]],
        k1: float = 1.5,
        b: float = 0.75,
        epsilon: float = 0.25,
    ):
        if isinstance(corpus, str) or not len(corpus):
            raise ValueError("corpus must be a non-empty list of token lists.")
        if k1 < 0 or not 0 <= b <= 1:
            raise ValueError(f"need k1 ≥ 0 and 0 ≤ b ≤ 1, got k1={k1}, b={b}.")
        self.k1, self.b, self.epsilon = k1, b, epsilon
        counts = [Counter(doc) for doc in corpus]
        self.n_docs = len(corpus)
        self.doc_len = np.array([len(doc) for doc in corpus], dtype=np.float64)
        self.avgdl = float(self.doc_len.mean())
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        self.vocabulary_ = {t: i for i, t in enumerate(df)}
        idf = np.array([math.log(self.n_docs - n + 0.5) - math.log(n + 0.5) for n in df.values()])
        self.average_idf_ = float(idf.mean())
        idf[idf < 0] = epsilon * self.average_idf_
        self.idf_ = idf
        rows, cols, tfs = [], [], []
        for j, c in enumerate(counts):
            for t, f in c.items():
                rows.append(self.vocabulary_[t])
                cols.append(j)
                tfs.append(f)
        tf = np.array(tfs, dtype=np.float64)
        dl = self.doc_len[np.array(cols, dtype=np.int64)] if cols else np.zeros(0)
        w = (
            idf[np.array(rows, dtype=np.int64)]
            * tf
            * (k1 + 1)
            / (tf + k1 * (1 - b + b * dl / self.avgdl))
        )
        self.weights_ = sp.csr_matrix((w, (rows, cols)), shape=(len(df), self.n_docs))

    def get_scores(self, query: Sequence[str]) -> np.ndarray:
        """Scores (n_docs,) of every document; unknown query terms add nothing."""
        if isinstance(query, str):
            raise TypeError("query must be a list of tokens, not a str; tokenise it first.")
        ids = [self.vocabulary_[t] for t in query if t in self.vocabulary_]
        if not ids:
            return np.zeros(self.n_docs)
        uniq, reps = np.unique(ids, return_counts=True)
        return np.asarray(self.weights_[uniq].T @ reps.astype(np.float64)).ravel()

    def top_k(self, query: Sequence[str], k: int = 10) -> list[int]:
        """Indices of the k best documents, best first (ties: lower index first)."""
        s = self.get_scores(query)
        return list(np.argsort(-s, kind="stable")[:k])
