"""Cosine, Jaccard (SciPy) and edit distance (NLTK) on real words and vectors."""

from __future__ import annotations

import re

import numpy as np
import pytest
from nltk import edit_distance as nltk_edit_distance
from scipy.spatial import distance

from ladder.nlp.similarity import (
    cosine_similarity,
    cosine_similarity_matrix,
    edit_distance,
    jaccard_similarity,
)


def test_edit_distance_matches_nltk_on_shakespeare_word_pairs(shakespeare: str) -> None:
    words = sorted(set(re.findall(r"[a-z]+", shakespeare.lower())))[:1500]
    rng = np.random.default_rng(0)
    pairs = [(words[i], words[j]) for i, j in rng.integers(0, len(words), size=(600, 2))]
    pairs += [("kitten", "sitting"), ("ca", "abc"), ("", "abc"), ("abcdef", "badcfe")]
    for a, b in pairs:
        for transpositions in (False, True):
            for cost in (1, 2):
                assert edit_distance(a, b, cost, transpositions) == nltk_edit_distance(
                    a, b, cost, transpositions
                ), (a, b, cost, transpositions)


def test_cosine_and_jaccard_match_scipy() -> None:
    rng = np.random.default_rng(1)
    X = rng.poisson(1.0, size=(30, 50)).astype(float)
    for u, v in zip(X[:-1], X[1:], strict=True):
        # float64 dot products of 50 terms: agreement to 1e-12.
        assert abs(cosine_similarity(u, v) - (1 - distance.cosine(u, v))) <= 1e-12
        a, b = set(np.flatnonzero(u)), set(np.flatnonzero(v))
        assert abs(jaccard_similarity(a, b) - (1 - distance.jaccard(u > 0, v > 0))) <= 1e-12
    np.testing.assert_allclose(
        cosine_similarity_matrix(X), 1 - distance.cdist(X, X, "cosine"), atol=1e-12
    )


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="zero vector"):
        cosine_similarity([0, 0], [1, 0])
    with pytest.raises(ValueError, match="differ in length"):
        cosine_similarity([1, 0], [1, 0, 0])
    with pytest.raises(TypeError):
        jaccard_similarity("abc", "abd")
    assert jaccard_similarity([], []) == 1.0 and edit_distance("", "") == 0
