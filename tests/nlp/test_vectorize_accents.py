"""Accent stripping in the vectorisers: scikit-learn's order and options, on text whose
compatibility forms change case (ℌ, ℝ, ℭ are "letter-like" symbols with no lower case;
NFKD maps them to the capitals H, R, C) beside ordinary accented letters.

Exact comparison: vocabularies are sets of strings and counts are integers; TF-IDF
values go through the same float64 formulas, so they agree to rounding (1e-12).
"""

from __future__ import annotations

import pytest
from sklearn.feature_extraction import text as sk

from ladder.data import text
from ladder.nlp.vectorize import CountVectorizer, TfidfVectorizer

DOCS = [
    "ℌilbert spaces over ℝ and ℂ: ℌ ℝ ℭ",
    "Crème brûlée, naïve café; CAFÉ and Café are the same word?",
    "ÅNGSTRÖM Ångström ångström — Ωmega ωmega",
    "ﬁne ﬂour, Straße, İstanbul, ǅemal, Ǆ, x² and ½ cup",
    "日本語 テキスト ｆｕｌｌ ｗｉｄｔｈ Ｔｅｘｔ and Ǳ",
    "plain ascii only here, nothing to strip",
]


def _same(ours, ref, docs, tol):
    x, y = ours.fit_transform(docs), ref.fit_transform(docs)
    assert ours.vocabulary_ == ref.vocabulary_
    assert x.shape == y.shape and abs(x - y).max() <= tol
    new = ["ℍ ℌilbert CAFÉ ångström", "nothing known"]
    assert abs(ours.transform(new) - ref.transform(new)).max() <= tol


def _upper_case(doc: str) -> str:  # a callable, as scikit-learn allows
    return doc.upper()


@pytest.mark.parametrize("strip_accents", [None, "unicode", "ascii", _upper_case])
@pytest.mark.parametrize("lowercase", [True, False])
def test_count_vectorizer_accents(strip_accents, lowercase):
    kwargs = {"strip_accents": strip_accents, "lowercase": lowercase}
    _same(CountVectorizer(**kwargs), sk.CountVectorizer(**kwargs), DOCS, tol=0)


@pytest.mark.parametrize("strip_accents", ["unicode", "ascii"])
def test_tfidf_vectorizer_accents(strip_accents):
    kwargs = {"strip_accents": strip_accents, "ngram_range": (1, 2)}
    _same(TfidfVectorizer(**kwargs), sk.TfidfVectorizer(**kwargs), DOCS, tol=1e-12)


def test_lowercase_happens_before_stripping():
    # ℌ has no lower case; stripping (NFKD) makes it "H" only after lower-casing ran.
    vocab = CountVectorizer(strip_accents="unicode").fit(["ℌℌ ℝℝ"]).vocabulary_
    assert vocab == {"HH": 0, "RR": 1}


@pytest.mark.parametrize("strip_accents", ["unicode", "ascii"])
def test_real_corpus_with_both_options(strip_accents):
    docs = text.lee_corpus()[:100] + DOCS
    kwargs = {"strip_accents": strip_accents, "min_df": 1}
    _same(CountVectorizer(**kwargs), sk.CountVectorizer(**kwargs), docs, tol=0)


@pytest.mark.parametrize("bad", ["Unicode", "ASCII", "nfkd", 1, False])
def test_invalid_strip_accents_is_rejected_at_fit(bad):
    vec = CountVectorizer(strip_accents=bad)  # stored verbatim, as scikit-learn
    with pytest.raises(ValueError, match=r"strip_accents=.* is not supported; use None"):
        vec.fit(DOCS)
    with pytest.raises(ValueError):
        sk.CountVectorizer(strip_accents=bad).fit(DOCS)
