"""Reciprocal-rank fusion, recall@k, MMR and TextRank on worked examples, TextRank beside
networkx's PageRank."""

from __future__ import annotations

import numpy as np
import pytest

from ladder.projects.retrieval import (
    dedupe_ranking,
    mmr_select,
    recall_at_k,
    reciprocal_rank_fusion,
)
from ladder.projects.textrank import textrank_scores, textrank_step, transition_matrix


def test_rrf_worked_example():
    # b: 1/(60+2) + 1/(60+1); a: 1/61; c: 1/63 + 1/62
    fused = dict(reciprocal_rank_fusion([["a", "b", "c"], ["b", "c"]]))
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["c"] == pytest.approx(1 / 63 + 1 / 62)
    assert [d for d, _ in reciprocal_rank_fusion([["a", "b", "c"], ["b", "c"]])] == ["b", "c", "a"]


def test_recall_at_k():
    ranked = [["x", "y", "z"], ["y", "x"], ["z"]]
    assert recall_at_k(ranked, ["x", "x", "x"], 1) == pytest.approx(1 / 3)
    assert recall_at_k(ranked, ["x", "x", "x"], 2) == pytest.approx(2 / 3)
    with pytest.raises(ValueError, match="at least 1"):
        recall_at_k(ranked, ["x"] * 3, 0)
    assert dedupe_ranking(["a", "b", "a", "c", "b"]) == ["a", "b", "c"]


def test_mmr_prefers_novelty():
    q = np.array([0.9, 0.88, 0.5])
    sim = np.array([[1.0, 0.99, 0.1], [0.99, 1.0, 0.1], [0.1, 0.1, 1.0]])
    assert mmr_select(q, sim, 2, lam=1.0) == [0, 1]  # pure relevance takes the near-copy
    assert mmr_select(q, sim, 2, lam=0.5) == [0, 2]  # 0.5·0.5 − 0.5·0.1 > 0.5·0.88 − 0.5·0.99


def test_textrank_equals_networkx_pagerank():
    nx = pytest.importorskip("networkx")
    rng = np.random.default_rng(0)
    X = rng.normal(size=(9, 5))
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    S = X @ X.T
    ours = textrank_scores(S)
    W = np.clip(S, 0, None)
    np.fill_diagonal(W, 0)
    g = nx.from_numpy_array(W, create_using=nx.DiGraph)
    theirs = nx.pagerank(g, alpha=0.85, tol=1e-13, max_iter=1000, weight="weight")
    # both converge to the same stationary vector; 1e-9 is far above the tolerance used
    np.testing.assert_allclose(ours, [theirs[i] for i in range(9)], atol=1e-9)
    assert ours.sum() == pytest.approx(1.0)


def test_textrank_step_and_isolated_node():
    S = np.array([[1, 1, 0], [1, 1, 0], [0, 0, 1]], dtype=float)
    P = transition_matrix(S)
    assert P[2] == pytest.approx([1 / 3] * 3)  # no edges: spreads uniformly
    s = textrank_step(np.full(3, 1 / 3), P)
    assert s.sum() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="square"):
        transition_matrix(np.ones((2, 3)))
