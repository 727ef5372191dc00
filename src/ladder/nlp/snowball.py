r"""The Snowball English ("Porter2") stemmer, in the rules of Snowball 3.

Martin Porter's 2001 revision of his 1980 stemmer, as maintained at snowballstem.org. It
keeps the shape of :mod:`ladder.nlp.porter` (suffixes stripped in steps, the longest
matching suffix of a step decides) but replaces the measure :math:`m` with two
**regions**:

* vowels are ``a e i o u y``; a ``y`` at the start of the word or after a vowel is
  marked ``Y`` and counts as a consonant (it is turned back into ``y`` at the end);
* :math:`R_1` is the part after the first non-vowel that follows a vowel
  (``beautiful`` → ``iful``); :math:`R_2` is the same construction applied inside
  :math:`R_1` (``ul``). Words starting with ``arsen, commun, emerg, gener, inter, later,
  organ, past, univers`` have :math:`R_1` right after that prefix;
* a **short syllable** ends the word part in non-vowel + vowel + non-vowel (the last not
  ``w``, ``x`` or ``Y``), or is vowel + non-vowel at the very start, or is ``past``;
  a word is **short** if :math:`R_1` is empty there and it ends in a short syllable.

A rule "in :math:`R_1`" applies only if the whole suffix lies inside :math:`R_1`.

Steps: 1a plurals (``sses``→``ss``, ``ies``/``ied``→``i``/``ie``, ``s`` dropped after
a vowel that is not just before it); 1b ``eed(ly)``→``ee`` in :math:`R_1`,
``ed, edly, ing, ingly`` dropped after a vowel, then ``at bl iz``→``+e``, undoubling,
or ``+e`` for a short word; 1c ``y``→``i`` after a non-vowel that is not the first
letter; 2 and 3 map derivational suffixes in :math:`R_1`; 4 deletes suffixes in
:math:`R_2`; 5 drops a final ``e`` or the second ``l`` of ``ll``.

**Snowball 3 specifics** (the installed ``snowballstemmer`` 3.x, whose generated
``english_stemmer.py`` is the reference; they differ from older Porter2 descriptions):
``ogist``→``og`` and ``lessli``→``less`` in step 2; ``-ying``→``-ie`` only for a one
consonant + ``ying`` word (``dying``→``die``); ``inning, outing, canning, herring,
earring, evening`` and ``succeed, proceed, exceed`` are kept whole in step 1b; a double
consonant after a lone initial ``a``, ``e`` or ``o`` stays (``adding``→``add``); the
:math:`R_1` prefix list is the nine above (the 2001 description had ``gener, commun,
arsen``) and ``past`` also counts as a short syllable (``pasted``→``paste``); a small
table of exceptional words (``skies``→``sky``, ``only``→``onli``, ``news``…) is applied
first, and words under three letters are returned unchanged.

Equivalent to ``snowballstemmer.stemmer("english").stemWord(word.lower())`` (tests:
``tests/nlp/test_snowball.py``, every distinct word of four real corpora, 20,000+).

>>> [stem(w) for w in ("generously", "running", "cries", "dying", "skies", "news")]
['generous', 'run', 'cri', 'die', 'sky', 'news']
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["SnowballStemmer", "stem", "regions"]

_VOWELS = frozenset("aeiouy")  # a marked "Y" is not among them
_NOT_LAST_OF_SHORT = frozenset("aeiouywxY")
_VALID_LI = frozenset("cdeghkmnrt")
_R1_PREFIXES = ("arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers")
_EXCEPTIONS = {
    "skis": "ski",
    "skies": "sky",
    "idly": "idl",
    "gently": "gentl",
    "ugly": "ugli",
    "early": "earli",
    "only": "onli",
    "singly": "singl",
    **{w: w for w in ("sky", "news", "howe", "atlas", "cosmos", "bias", "andes")},
}
_ING_KEPT = ("inn", "out", "cann", "herr", "earr", "even")  # whole-word stems before -ing
_EED_KEPT = ("succ", "proc", "exc")  # succeed, proceed, exceed
_DOUBLES = ("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")

# Steps 2 and 3: suffix -> replacement, tried longest first; all need the suffix in R1.
_STEP2 = {
    "ization": "ize", "ational": "ate", "fulness": "ful", "ousness": "ous",
    "iveness": "ive", "tional": "tion", "biliti": "ble", "lessli": "less",
    "entli": "ent", "ation": "ate", "alism": "al", "aliti": "al", "ousli": "ous",
    "iviti": "ive", "fulli": "ful", "ogist": "og", "enci": "ence", "anci": "ance",
    "abli": "able", "izer": "ize", "ator": "ate", "alli": "al", "bli": "ble",
    "ogi": "og", "li": "",
}  # fmt: skip
_STEP3 = {
    "ational": "ate", "tional": "tion", "alize": "al", "icate": "ic", "iciti": "ic",
    "ative": "", "ical": "ic", "ness": "", "ful": "",
}  # fmt: skip
_STEP2_ORDER = sorted(_STEP2, key=len, reverse=True)  # longest match first
_STEP3_ORDER = sorted(_STEP3, key=len, reverse=True)
_STEP4 = sorted(
    "al ance ence er ic able ible ant ement ment ent ism ate iti ous ive ize ion".split(),
    key=len,
    reverse=True,
)


def _longest(word: str, suffixes: Sequence[str]) -> str | None:
    """The longest of ``suffixes`` that ends ``word`` (they must come longest first)."""
    for suffix in suffixes:
        if word.endswith(suffix):
            return suffix
    return None


def _mark_y(word: str) -> str:
    """``y`` at the start or after a vowel becomes the consonant ``Y``."""
    chars = list(word)
    for i, ch in enumerate(chars):
        if ch == "y" and (i == 0 or chars[i - 1] in _VOWELS):
            chars[i] = "Y"
    return "".join(chars)


def _after_vowel_consonant(word: str, start: int) -> int:
    """Index just after the first non-vowel that follows a vowel, from ``start`` on."""
    for i in range(start + 1, len(word)):
        if word[i] not in _VOWELS and word[i - 1] in _VOWELS:
            return i + 1
    return len(word)


def regions(word: str) -> tuple[int, int]:
    """Start indices of :math:`R_1` and :math:`R_2` in an already ``Y``-marked word.

    >>> regions("beautiful"), regions("generous")  # beaut|if|ul, gener|ous|
    ((5, 7), (5, 8))
    """
    prefix = next((p for p in _R1_PREFIXES if word.startswith(p)), None)
    r1 = len(prefix) if prefix else _after_vowel_consonant(word, 0)
    return r1, _after_vowel_consonant(word, r1)


def _ends_short_syllable(word: str) -> bool:
    if len(word) >= 3 and (
        word[-1] not in _NOT_LAST_OF_SHORT and word[-2] in _VOWELS and word[-3] not in _VOWELS
    ):
        return True
    if len(word) == 2 and word[0] in _VOWELS and word[1] not in _VOWELS:
        return True
    return word.endswith("past")


def _step1a(w: str) -> str:
    suffix = _longest(w, ("sses", "ied", "ies", "ss", "us", "s"))
    if suffix == "sses":
        return w[:-2]
    if suffix in ("ied", "ies"):
        return w[:-3] + ("i" if len(w) > 4 else "ie")  # ties -> tie, cries -> cri
    if suffix == "s" and any(c in _VOWELS for c in w[:-2]):  # gas, this stay; gaps go
        return w[:-1]
    return w


def _step1b(w: str, r1: int) -> str:
    suffix = _longest(w, ("eedly", "ingly", "edly", "eed", "ing", "ed"))
    if suffix is None:
        return w
    stem = w[: -len(suffix)]
    if suffix in ("eed", "eedly"):
        if len(stem) >= r1 and stem not in _EED_KEPT:
            return stem + "ee"
        return w
    if suffix == "ing":
        if stem in _ING_KEPT:
            return w
        if len(stem) == 2 and stem[1] == "y" and stem[0] not in _VOWELS:
            return stem[0] + "ie"  # dying -> die, lying -> lie
    if not any(c in _VOWELS for c in stem):
        return w
    # Tidy the new ending: restore an e, undouble, or give a short word its e back.
    if stem.endswith(("at", "bl", "iz")):
        return stem + "e"
    if stem.endswith(_DOUBLES):
        return stem if len(stem) == 3 and stem[0] in "aeo" else stem[:-1]
    if len(stem) == r1 and _ends_short_syllable(stem):
        return stem + "e"
    return stem


def _step1c(w: str) -> str:
    if len(w) > 2 and w[-1] in "yY" and w[-2] not in _VOWELS:
        return w[:-1] + "i"
    return w


def _step2(w: str, r1: int) -> str:
    suffix = _longest(w, _STEP2_ORDER)
    if suffix is None or len(w) - len(suffix) < r1:
        return w
    stem = w[: -len(suffix)]
    if suffix == "ogi" and not stem.endswith("l"):
        return w
    if suffix == "li" and not (stem and stem[-1] in _VALID_LI):
        return w
    return stem + _STEP2[suffix]


def _step3(w: str, r1: int, r2: int) -> str:
    suffix = _longest(w, _STEP3_ORDER)
    if suffix is None or len(w) - len(suffix) < (r2 if suffix == "ative" else r1):
        return w
    return w[: -len(suffix)] + _STEP3[suffix]


def _step4(w: str, r2: int) -> str:
    suffix = _longest(w, _STEP4)
    if suffix is None or len(w) - len(suffix) < r2:
        return w
    stem = w[: -len(suffix)]
    if suffix == "ion" and not stem.endswith(("s", "t")):
        return w
    return stem


def _step5(w: str, r1: int, r2: int) -> str:
    start = len(w) - 1  # where a one-letter suffix starts
    if w.endswith("e"):
        if start >= r2 or (start >= r1 and not _ends_short_syllable(w[:-1])):
            return w[:-1]
    elif w.endswith("ll") and start >= r2:
        return w[:-1]
    return w


class SnowballStemmer:
    """Snowball English (Porter2, Snowball 3 rules); ``stem(word)`` lower-cases first.

    Equivalent to ``snowballstemmer.stemmer("english").stemWord(word.lower())``.
    Results are cached per word, as the algorithm is a pure function of the word.
    """

    def __init__(self, cache: bool = True) -> None:
        self.cache = cache
        self._memo: dict[str, str] = {}

    def stem(self, word: str) -> str:
        if not isinstance(word, str):
            raise TypeError(
                f"SnowballStemmer.stem expects a str, got {type(word).__name__} ({word!r}); "
                "stem each token of a list separately."
            )
        if self.cache and word in self._memo:
            return self._memo[word]
        result = self._stem(word.lower())
        if self.cache:
            self._memo[word] = result
        return result

    @staticmethod
    def _stem(w: str) -> str:
        if w in _EXCEPTIONS:
            return _EXCEPTIONS[w]
        if len(w) < 3:
            return w
        if w.startswith("'"):
            w = w[1:]
        w = _mark_y(w)
        r1, r2 = regions(w)
        if w.endswith(("'s'", "'s", "'")):  # possessives
            w = w[: -3 if w.endswith("'s'") else -2 if w.endswith("'s") else -1]
        w = _step1a(w)
        w = _step1b(w, r1)
        w = _step1c(w)
        w = _step2(w, r1)
        w = _step3(w, r1, r2)
        w = _step4(w, r2)
        w = _step5(w, r1, r2)
        return w.replace("Y", "y")

    def __call__(self, word: str) -> str:
        return self.stem(word)


_DEFAULT = SnowballStemmer()


def stem(word: str) -> str:
    """Snowball English stem of one word (shared cached stemmer)."""
    return _DEFAULT.stem(word)
