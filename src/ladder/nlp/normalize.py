r"""Text normalisation: Unicode forms, case folding, accents, whitespace.

* **NFC / NFD / NFKC / NFKD** (``unicodedata.normalize``): ``é`` can be one code point
  (U+00E9, composed, NFC) or ``e`` + U+0301 (decomposed, NFD). The K forms also fold
  *compatibility* characters: ``ﬁ`` → ``fi``, ``²`` → ``2``, full-width ``Ａ`` → ``A``.
* **case folding** (``str.casefold``) is lower-casing made for comparison:
  ``"Straße".casefold() == "strasse"``.
* **accent stripping**: decompose (NFD), drop the combining marks (category ``Mn``),
  recompose — what ``sklearn``'s ``strip_accents="unicode"`` and BERT's basic tokenizer do.
* **whitespace**: every run of Unicode whitespace becomes one space, ends trimmed.

>>> normalize("  Ｃafé\u00a0 ﬁne  ", form="NFKC", casefold=True, strip_accents=True)
'cafe fine'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

__all__ = ["unicode_normalize", "strip_accents", "collapse_whitespace", "normalize"]

Form = Literal["NFC", "NFD", "NFKC", "NFKD"]
_FORMS = ("NFC", "NFD", "NFKC", "NFKD")
_SPACE = re.compile(r"\s+")


def _check_text(text: object, where: str) -> str:
    if not isinstance(text, str):
        raise TypeError(
            f"{where} expects a str, got {type(text).__name__} ({text!r:.60}); "
            "decode bytes first with .decode('utf-8')."
        )
    return text


def unicode_normalize(text: str, form: Form = "NFC") -> str:
    """``unicodedata.normalize(form, text)`` with a checked ``form``."""
    _check_text(text, "unicode_normalize")
    if form not in _FORMS:
        raise ValueError(f"unknown Unicode form {form!r}; use one of {_FORMS}.")
    return unicodedata.normalize(form, text)


def strip_accents(text: str, compatibility: bool = False) -> str:
    """Remove combining marks: NFD, drop category ``Mn``, then NFC.

    ``compatibility=True`` is scikit-learn's ``strip_accents_unicode`` exactly: NFKD
    (so ``ﬁ`` → ``fi`` too), drop every character with a combining class, no
    recomposition.

    >>> strip_accents("Crème brûlée, naïve Ångström")
    'Creme brulee, naive Angstrom'
    """
    _check_text(text, "strip_accents")
    if compatibility:
        decomposed = unicodedata.normalize("NFKD", text)
        return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", kept)


def collapse_whitespace(text: str) -> str:
    """Every run of whitespace (``\\s``, Unicode-aware) to one space; strip the ends."""
    return _SPACE.sub(" ", _check_text(text, "collapse_whitespace")).strip()


def normalize(
    text: str,
    form: Form | None = "NFC",
    casefold: bool = False,
    strip_accents: bool = False,
    whitespace: bool = True,
) -> str:
    """Apply, in order: Unicode ``form``, accent stripping, case folding, whitespace.

    Empty text returns empty text; a non-``str`` raises ``TypeError``.
    """
    _check_text(text, "normalize")
    if form is not None:
        text = unicode_normalize(text, form)
    if strip_accents:
        text = globals()["strip_accents"](text)
    if casefold:
        text = text.casefold()
    if whitespace:
        text = collapse_whitespace(text)
    return text
