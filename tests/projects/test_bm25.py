"""Our BM25 against rank_bm25's BM25Okapi on course text (the stdlib pydoc topics).

Both sum the same float64 terms, in a different order: about 1e-15 relative per term, so
1e-10 absolute on scores below 100 has a wide margin.
"""

from __future__ import annotations

import numpy as np
import pytest

rank_bm25 = pytest.importorskip("rank_bm25")

from ladder.data.text import pydoc_topics  # noqa: E402
from ladder.projects.bm25 import BM25, bm25_score  # noqa: E402


@pytest.fixture(scope="module")
def corpus():
    text = pydoc_topics()
    docs = [p.lower().split() for p in text.split("\n\n") if len(p.split()) > 3][:800]
    return docs


QUERIES = [
    ["the", "for", "loop"],
    ["class", "method", "class"],
    ["exception"],
    ["zzz"],
    ["with", "statement", "context", "manager", "the"],
]


@pytest.mark.parametrize("k1,b", [(1.5, 0.75), (1.2, 0.3), (2.0, 1.0)])
def test_scores_equal_rank_bm25(corpus, k1, b):
    ours = BM25(corpus, k1=k1, b=b)
    theirs = rank_bm25.BM25Okapi(corpus, k1=k1, b=b)
    for q in QUERIES:
        np.testing.assert_allclose(ours.get_scores(q), theirs.get_scores(q), rtol=0, atol=1e-10)


def test_formula_term_by_term(corpus):
    # without ε-floored terms (every query word in fewer than half the documents) the
    # index equals the plain formula
    index = BM25(corpus)
    df = {t: int(index.weights_[i].nnz) for t, i in index.vocabulary_.items()}
    q = ["class", "method"]
    for j in range(0, len(corpus), 97):
        assert index.get_scores(q)[j] == pytest.approx(
            bm25_score(q, corpus[j], df, len(corpus), index.avgdl), abs=1e-10
        )


def test_saturation_and_length():
    index = BM25([["a"], ["a", "a", "a", "a"], ["a", "b", "c", "d"], ["e"]])
    s = index.get_scores(["a"])
    assert s[1] > s[0] > s[2]  # more occurrences help; a long document is discounted
    assert s[1] < 4 * s[0]  # but the tf term saturates


def test_bad_input():
    with pytest.raises(ValueError, match="non-empty"):
        BM25([])
    with pytest.raises(TypeError, match="tokenise"):
        BM25([["a"]]).get_scores("a")
