"""Normalisation: unicodedata round trips and laws (property tests)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ladder.nlp.normalize import collapse_whitespace, normalize, strip_accents, unicode_normalize

texts = st.text(max_size=60)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_forms_match_unicodedata_and_are_idempotent(s: str) -> None:
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        once = unicode_normalize(s, form)
        assert once == unicodedata.normalize(form, s)
        assert unicode_normalize(once, form) == once
    # NFD then NFC gives the NFC form (canonical equivalence round trip).
    assert unicode_normalize(unicode_normalize(s, "NFD"), "NFC") == unicode_normalize(s, "NFC")


@settings(max_examples=200, deadline=None)
@given(texts)
def test_strip_accents_removes_every_nonspacing_mark(s: str) -> None:
    out = strip_accents(s)
    assert not any(unicodedata.category(c) == "Mn" for c in unicodedata.normalize("NFD", out))
    assert strip_accents(out) == out


@settings(max_examples=200, deadline=None)
@given(texts)
def test_whitespace_collapsed(s: str) -> None:
    out = collapse_whitespace(s)
    assert out == " ".join(s.split())


def test_strip_accents_matches_sklearn_on_real_german() -> None:
    from sklearn.feature_extraction.text import strip_accents_unicode

    from ladder.data.text import multi30k_german

    # Exact string equality on the 1,014 German captions of Multi30k val.
    for line in multi30k_german("val"):
        assert strip_accents(line, compatibility=True) == strip_accents_unicode(line)
        assert strip_accents(line) == unicodedata.normalize(
            "NFC",
            "".join(
                c for c in unicodedata.normalize("NFD", line) if unicodedata.category(c) != "Mn"
            ),
        )


def test_examples_and_bad_input() -> None:
    out = normalize("  Ｃafé\u00a0 ﬁne  ", form="NFKC", casefold=True, strip_accents=True)
    assert out == "cafe fine"
    assert normalize("Straße", casefold=True) == "strasse"
    assert normalize("") == ""
    with pytest.raises(TypeError, match="expects a str"):
        normalize(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown Unicode form"):
        unicode_normalize("x", "NFX")  # type: ignore[arg-type]
