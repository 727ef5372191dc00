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
            (
                text,
                "decompose with NFD first: composed, è is one character and has no mark to drop",
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


def _filtered(text, form, keep):
    return "".join(ch for ch in unicodedata.normalize(form, text) if keep(ch))


def check_only_nonspacing_marks(submitted, reference):
    """drops exactly the non-spacing marks (category Mn), in Vietnamese and Hindi"""
    text = "Tiếng Việt, हिंदी"  # stacked accents; Devanagari vowel signs (Mc) and a Mn mark
    expect_equal(
        submitted(text),
        reference(text),
        inputs={"text": text},
        mistakes=[
            (
                unicodedata.normalize(
                    "NFC", _filtered(text, "NFD", lambda ch: not unicodedata.combining(ch))
                ),
                "the default mode drops category 'Mn'; the anusvara ं is Mn with combining "
                "class 0, so unicodedata.combining misses it (that test is for "
                "compatibility=True)",
            ),
            (
                unicodedata.normalize(
                    "NFC",
                    _filtered(text, "NFD", lambda ch: not unicodedata.category(ch).startswith("M")),
                ),
                "drop only non-spacing marks (category 'Mn'): spacing vowel signs (Mc) are "
                "letters' parts, not accents",
            ),
        ],
    )
    expect_equal(
        submitted(text, compatibility=True),
        reference(text, compatibility=True),
        inputs={"text": text, "compatibility": True},
        mistakes=[
            (
                _filtered(text, "NFKD", lambda ch: unicodedata.category(ch) != "Mn"),
                "compatibility=True drops the characters with a combining class "
                "(unicodedata.combining(ch) != 0), as scikit-learn does",
            )
        ],
    )
