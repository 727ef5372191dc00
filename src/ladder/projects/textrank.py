r"""TextRank (Mihalcea & Tarau, 2004): the sentences most "recommended" by the others.

Sentences are the nodes of a graph; the weight of edge (i, j) is their similarity w_ij
(here the cosine of their sentence embeddings, negatives set to 0, no self-loops). Each
node spreads its score over its edges in proportion to their weight, PageRank's random
surfer with damping d = 0.85:

    S(i) ← (1 − d) / N + d · Σ_j  w_ji / (Σ_k w_jk) · S(j)

repeated until the scores stop changing (a node without edges spreads uniformly). The
summary is the top-scoring sentences, in document order.
"""

from __future__ import annotations

import numpy as np

__all__ = ["textrank_step", "textrank_scores", "transition_matrix"]


def transition_matrix(similarity: np.ndarray) -> np.ndarray:
    """Row-stochastic P (N, N): P[j, i] = w_ji / Σ_k w_jk, with w ≥ 0 and no self-loops;
    an isolated sentence's row is uniform."""
    w = np.clip(np.asarray(similarity, dtype=np.float64), 0.0, None)
    if w.ndim != 2 or w.shape[0] != w.shape[1]:
        raise ValueError(f"similarity must be a square (N, N) matrix, got shape {w.shape}.")
    w = w.copy()
    np.fill_diagonal(w, 0.0)
    rows = w.sum(axis=1, keepdims=True)
    N = w.shape[0]
    return np.where(rows > 0, w / np.where(rows > 0, rows, 1.0), 1.0 / N)


def textrank_step(scores: np.ndarray, transition: np.ndarray, damping: float = 0.85) -> np.ndarray:
    """One power-iteration step: (1 − d)/N + d · Pᵀ S."""
    N = len(scores)
    return (1 - damping) / N + damping * (transition.T @ scores)


def textrank_scores(
    similarity: np.ndarray, damping: float = 0.85, tol: float = 1e-10, max_iter: int = 200
) -> np.ndarray:
    """Stationary TextRank scores (N,), summing to 1 (equal to ``networkx.pagerank`` on
    the weighted graph)."""
    if not 0 < damping < 1:
        raise ValueError(f"damping must lie in (0, 1), got {damping}; 0.85 is usual.")
    P = transition_matrix(similarity)
    N = P.shape[0]
    if N == 0:
        return np.zeros(0)
    s = np.full(N, 1.0 / N)
    for _ in range(max_iter):
        new = textrank_step(s, P, damping)
        if np.abs(new - s).sum() < tol:
            return new
        s = new
    return s
