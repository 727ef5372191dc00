r"""Combining and judging rankings: reciprocal-rank fusion, recall@k, MMR.

**Reciprocal-rank fusion** (Cormack, Clarke & Büttcher, 2009). Several retrievers each
rank the documents; a document's fused score is

    RRF(d) = Σ_r 1 / (k + rank_r(d))        (rank from 1; k = 60)

so a document near the top of any list scores well, and raw scores on different scales
(BM25's unbounded sums, cosine similarities) never have to be compared. A document
missing from a list contributes nothing for it.

**recall@k**: the fraction of queries whose relevant item is among the first k results.

**Maximal marginal relevance** (Carbonell & Goldstein, 1998). Pick items one at a time,
each maximising

    λ · sim(item, query) − (1 − λ) · max_{s ∈ selected} sim(item, s)

so the next item is relevant *and* not a repeat of what is already chosen (λ = 1: pure
relevance; λ = 0: pure novelty).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np

__all__ = ["reciprocal_rank_fusion", "recall_at_k", "mmr_select", "dedupe_ranking"]


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[Hashable]], k: float = 60.0
) -> list[tuple[Hashable, float]]:
    """Fuse best-first rankings; returns (item, score) pairs, best first (ties: the item
    seen first).

    >>> [(d, round(s, 4)) for d, s in reciprocal_rank_fusion([["a", "b", "c"], ["b", "c"]], k=1)]
    [('b', 0.8333), ('c', 0.5833), ('a', 0.5)]
    """
    if k < 0:
        raise ValueError(f"k must be ≥ 0, got {k}; 60 is the usual value.")
    scores: dict[Hashable, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    order = {item: i for i, item in enumerate(scores)}
    return sorted(scores.items(), key=lambda kv: (-kv[1], order[kv[0]]))


def recall_at_k(
    ranked: Sequence[Sequence[Hashable]], relevant: Sequence[Hashable], k: int
) -> float:
    """Fraction of queries whose relevant item is in the first k of its ranking.

    >>> recall_at_k([["a", "b"], ["c", "a"], ["b", "c"]], ["a", "a", "a"], 1)
    0.3333333333333333
    """
    if len(ranked) != len(relevant):
        raise ValueError(f"{len(ranked)} rankings but {len(relevant)} relevant items.")
    if not ranked:
        raise ValueError("no queries: recall@k needs at least one ranking.")
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}.")
    return sum(rel in list(r)[:k] for r, rel in zip(ranked, relevant, strict=True)) / len(ranked)


def dedupe_ranking(items: Sequence[Hashable]) -> list[Hashable]:
    """Keep the first occurrence of each item (passages → their lessons, say)."""
    seen: set[Hashable] = set()
    return [x for x in items if not (x in seen or seen.add(x))]


def mmr_select(query_sim: np.ndarray, item_sim: np.ndarray, n: int, lam: float = 0.7) -> list[int]:
    """Indices of ``n`` items chosen by maximal marginal relevance.

    ``query_sim`` (N,): each item's similarity to the query (or the document);
    ``item_sim`` (N, N): similarities between items. The first pick is the most relevant
    item; ties go to the lower index.
    """
    query_sim = np.asarray(query_sim, dtype=np.float64)
    item_sim = np.asarray(item_sim, dtype=np.float64)
    N = query_sim.shape[0]
    if item_sim.shape != (N, N):
        raise ValueError(f"item_sim must be ({N}, {N}) to match query_sim, got {item_sim.shape}.")
    if not 0 <= lam <= 1:
        raise ValueError(f"lam must lie in [0, 1], got {lam}.")
    chosen: list[int] = []
    redundancy = np.full(N, -np.inf)
    for _ in range(min(n, N)):
        penalty = np.where(np.isinf(redundancy), 0.0, redundancy)
        score = lam * query_sim - (1 - lam) * penalty
        score[chosen] = -np.inf
        best = int(np.argmax(score))
        chosen.append(best)
        redundancy = np.maximum(redundancy, item_sim[best])
    return chosen
