"""Bag of words and TF-IDF: identical matrices to scikit-learn on real documents."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction import text as sk

from ladder.data import text
from ladder.data.sst2 import load_sst2
from ladder.nlp.vectorize import CountVectorizer, TfidfVectorizer


@pytest.fixture(scope="module")
def docs() -> list[str]:
    return text.lee_corpus() + load_sst2("dev")[0]  # 300 news documents + 872 sentences


def _same(ours, ref, docs: list[str], tol: float) -> None:
    x, y = ours.fit_transform(docs), ref.fit_transform(docs)
    assert ours.vocabulary_ == ref.vocabulary_
    assert list(ours.get_feature_names_out()) == list(ref.get_feature_names_out())
    assert x.shape == y.shape and x.dtype == y.dtype
    assert abs(x - y).max() <= tol
    new = ["a brand new unseen zyzzyva document about the film", ""]
    assert abs(ours.transform(new) - ref.transform(new)).max() <= tol


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"ngram_range": (1, 2), "min_df": 2, "max_df": 0.5},
        {"max_features": 300},
        {"max_features": 500, "binary": True, "strip_accents": "unicode"},
        {"lowercase": False, "token_pattern": r"\b\w+\b", "stop_words": ["the", "a"]},
    ],
)
def test_count_vectorizer(docs: list[str], kwargs: dict) -> None:
    _same(CountVectorizer(**kwargs), sk.CountVectorizer(**kwargs), docs, tol=0)  # exact ints


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"sublinear_tf": True, "smooth_idf": False, "norm": "l1"},
        {"use_idf": False, "ngram_range": (1, 2)},
        {"norm": None, "min_df": 3},
    ],
)
def test_tfidf_vectorizer(docs: list[str], kwargs: dict) -> None:
    ours, ref = TfidfVectorizer(**kwargs), sk.TfidfVectorizer(**kwargs)
    # float64; same formula, summation order may differ: a few ulps of values <= ~10.
    _same(ours, ref, docs, tol=1e-12)
    if kwargs.get("use_idf", True):
        np.testing.assert_allclose(ours.idf_, ref.idf_, rtol=0, atol=1e-12)


def test_bad_input(docs: list[str]) -> None:
    with pytest.raises(TypeError, match="wrap it in a list"):
        CountVectorizer().fit("one document")
    with pytest.raises(TypeError, match="must be a str"):
        CountVectorizer().fit([["already", "tokens"]])
    with pytest.raises(ValueError, match="empty vocabulary"):
        CountVectorizer().fit(["", "a"])
    with pytest.raises(RuntimeError, match="not fitted"):
        TfidfVectorizer().transform(docs)
