r"""The Porter (1980) stemmer, exactly as published.

M. F. Porter, "An algorithm for suffix stripping", *Program* 14(3), 1980. A word is seen
as :math:`[C](VC)^m[V]`: alternating runs of consonants ``C`` and vowels ``V``. The
**measure** :math:`m` counts the ``VC`` pairs (``tree`` 0, ``trouble`` 1, ``private`` 2).
A letter is a consonant unless it is one of ``aeiou``, or a ``y`` preceded by a consonant.

Five steps strip suffixes in order. Within a step, the rule with the longest matching
suffix is chosen; if its condition fails, the step does nothing (no other rule is tried).
Conditions: ``m>k`` on the stem, ``*v*`` (stem contains a vowel), ``*d`` (ends in a
double consonant), ``*o`` (ends consonant–vowel–consonant, the last not ``w``, ``x``,
``y``).

This matches ``nltk.stem.PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM)`` word for
word (``tests/nlp/test_porter.py``: every distinct word of Tiny Shakespeare, the pydoc
topics and the Lee corpus). NLTK's default mode adds departures (``dies -> die``,
``logi -> log``, an irregular-forms table) that are not Porter's algorithm.

>>> stem("caresses"), stem("ponies"), stem("relational"), stem("generalizations")
('caress', 'poni', 'relat', 'gener')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import pairwise

__all__ = ["PorterStemmer", "stem", "measure"]

_VOWELS = frozenset("aeiou")


def _consonants(word: str) -> list[bool]:
    """Consonant flag per letter; a ``y`` is a consonant iff the letter before is not."""
    flags: list[bool] = []
    for i, ch in enumerate(word):
        if ch in _VOWELS:
            flags.append(False)
        elif ch == "y":
            flags.append(i == 0 or not flags[i - 1])
        else:
            flags.append(True)
    return flags


def measure(stem: str) -> int:
    """Porter's :math:`m`: the number of vowel-run → consonant-run transitions.

    >>> [measure(w) for w in ("tr", "tree", "trouble", "oats", "troubles", "private")]
    [0, 0, 1, 1, 2, 2]
    """
    flags = _consonants(stem)
    return sum(1 for a, b in pairwise(flags) if not a and b)


def _has_vowel(stem: str) -> bool:
    return not all(_consonants(stem))


def _double_consonant(word: str) -> bool:
    return len(word) >= 2 and word[-1] == word[-2] and _consonants(word)[-1]


def _cvc(word: str) -> bool:
    if len(word) < 3:
        return False
    f = _consonants(word)
    return f[-3] and not f[-2] and f[-1] and word[-1] not in "wxy"


Rule = tuple[str, str, Callable[[str], bool] | None]


def _m_gt(k: int) -> Callable[[str], bool]:
    return lambda s: measure(s) > k


def _apply(word: str, rules: Iterable[Rule]) -> str:
    """The first (longest) rule whose suffix matches decides; a failed condition stops."""
    for suffix, replacement, condition in rules:
        if word.endswith(suffix):
            stem = word[: len(word) - len(suffix)]
            if condition is None or condition(stem):
                return stem + replacement
            return word
    return word


_STEP1A: list[Rule] = [
    ("sses", "ss", None),
    ("ies", "i", None),
    ("ss", "ss", None),
    ("s", "", None),
]
_STEP2: list[Rule] = [
    (suffix, repl, _m_gt(0))
    for suffix, repl in [
        ("ational", "ate"),
        ("tional", "tion"),
        ("enci", "ence"),
        ("anci", "ance"),
        ("izer", "ize"),
        ("abli", "able"),
        ("alli", "al"),
        ("entli", "ent"),
        ("eli", "e"),
        ("ousli", "ous"),
        ("ization", "ize"),
        ("ation", "ate"),
        ("ator", "ate"),
        ("alism", "al"),
        ("iveness", "ive"),
        ("fulness", "ful"),
        ("ousness", "ous"),
        ("aliti", "al"),
        ("iviti", "ive"),
        ("biliti", "ble"),
    ]
]
_STEP3: list[Rule] = [
    (suffix, repl, _m_gt(0))
    for suffix, repl in [
        ("icate", "ic"),
        ("ative", ""),
        ("alize", "al"),
        ("iciti", "ic"),
        ("ical", "ic"),
        ("ful", ""),
        ("ness", ""),
    ]
]
_STEP4: list[Rule] = [
    (suffix, "", _m_gt(1))
    for suffix in ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent"]
]
_STEP4.append(("ion", "", lambda s: measure(s) > 1 and s[-1] in "st"))
_STEP4 += [(suffix, "", _m_gt(1)) for suffix in ["ou", "ism", "ate", "iti", "ous", "ive", "ize"]]


def _step1b(word: str) -> str:
    if word.endswith("eed"):
        return word[:-1] if measure(word[:-3]) > 0 else word
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and _has_vowel(word[: -len(suffix)]):
            stem = word[: -len(suffix)]
            break
    else:
        return word
    # Tidy-up: restore the e of -ate/-ble/-ize, undouble, or add e to short cvc stems.
    if stem.endswith(("at", "bl", "iz")):
        return stem + "e"
    if _double_consonant(stem):
        return stem if stem[-1] in "lsz" else stem[:-1]
    if measure(stem) == 1 and _cvc(stem):
        return stem + "e"
    return stem


def _step1c(word: str) -> str:
    return _apply(word, [("y", "i", _has_vowel)])


def _step5(word: str) -> str:
    if word.endswith("e"):
        stem = word[:-1]
        m = measure(stem)
        if m > 1 or (m == 1 and not _cvc(stem)):
            word = stem
    if word.endswith("ll") and measure(word[:-1]) > 1:
        word = word[:-1]
    return word


class PorterStemmer:
    """Porter's original algorithm; ``stem(word)`` lower-cases first, as NLTK does.

    Equivalent to ``nltk.stem.PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM)``.
    Results are cached per word (a corpus repeats words), which is safe because the
    algorithm is a pure function of the word.
    """

    def __init__(self, cache: bool = True) -> None:
        self.cache = cache
        self._memo: dict[str, str] = {}

    def stem(self, word: str) -> str:
        if not isinstance(word, str):
            raise TypeError(
                f"PorterStemmer.stem expects a str, got {type(word).__name__} ({word!r}); "
                "stem each token of a list separately."
            )
        if self.cache and word in self._memo:
            return self._memo[word]
        w = word.lower()
        w = _apply(w, _STEP1A)
        w = _step1b(w)
        w = _step1c(w)
        w = _apply(w, _STEP2)
        w = _apply(w, _STEP3)
        w = _apply(w, _STEP4)
        w = _step5(w)
        if self.cache:
            self._memo[word] = w
        return w

    def __call__(self, word: str) -> str:
        return self.stem(word)


_DEFAULT = PorterStemmer()


def stem(word: str) -> str:
    """Porter stem of one word (shared cached stemmer)."""
    return _DEFAULT.stem(word)
