"""Checks for the strip-accents exercise."""

import unicodedata

from ladder.curriculum.expect import expect_equal, expect_raises


def check_french_and_swedish(submitted, reference):
    """removes accents from Latin letters"""
    text = "Crème brûlée, naïve Ångström"
    expect_equal(
        submitted(text),
        reference(text),
        inputs={"text": text},
        mistakes=[
            (
                unicodedata.normalize("NFD", text),
                "drop the combining marks (category 'Mn') after decomposing",
            ),
            (
                text.encode("ascii", "ignore").decode(),
                "encoding to ASCII deletes the letters; decompose first so only the marks go",
            ),
        ],
    )


def check_already_decomposed(submitted, reference):
    """handles text that is already decomposed (e + U+0301)"""
    text = "cafe\u0301"
    expect_equal(submitted(text), reference(text), inputs={"text": repr(text)})


def check_recomposes(submitted, reference):
    """leaves scripts without accents whole (Hangul recomposed)"""
    text = "한국어 텍스트"
    expect_equal(
        submitted(text),
        reference(text),
        inputs={"text": text},
        mistakes=[
            (
                unicodedata.normalize("NFD", text),
                "recompose with NFC at the end: NFD split each Hangul syllable into letters",
            )
        ],
    )


def check_compatibility_mode(submitted, reference):
    """compatibility=True also folds the ligature ﬁ and does not recompose"""
    text = "ﬁancé ﬂambé"
    expect_equal(
        submitted(text, compatibility=True),
        reference(text, compatibility=True),
        inputs={"text": text, "compatibility": True},
        mistakes=[(reference(text), "with compatibility=True decompose with NFKD, not NFD")],
    )
    expect_equal(
        submitted(text),
        reference(text),
        inputs={"text": text, "compatibility": False},
        mistakes=[
            (
                reference(text, compatibility=True),
                "the default (compatibility=False) keeps the ligature: use NFD",
            )
        ],
    )


def check_rejects_non_strings(submitted, reference):
    """a non-string input raises TypeError"""
    expect_raises(TypeError, submitted, 3.14, inputs={"text": 3.14})
