r"""Strip accents.

Remove the combining marks (accents, cedillas, umlauts) from ``text``:

1. decompose with ``unicodedata.normalize("NFD", text)``: ``é`` becomes ``e`` + U+0301;
2. drop every character whose ``unicodedata.category`` is ``"Mn"`` (a non-spacing mark);
3. recompose with ``"NFC"`` so characters that decomposed without marks (Korean Hangul
   syllables, for example) come back whole.

With ``compatibility=True`` do what scikit-learn's ``strip_accents_unicode`` does
instead: decompose with ``"NFKD"`` (which also folds compatibility characters, such as
the ligature ``ﬁ`` into ``fi``), drop every character with a non-zero
``unicodedata.combining(ch)``, and do **not** recompose.

    strip_accents("Crème brûlée, naïve Ångström")  ->  "Creme brulee, naive Angstrom"

A non-``str`` input raises ``TypeError``. The matching library function is
``ladder.nlp.normalize.strip_accents``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import unicodedata  # noqa: F401 - for your code


def strip_accents(text: str, compatibility: bool = False) -> str:
    # TODO: check the type; decompose, filter the marks, recompose (or not).
    raise NotImplementedError
