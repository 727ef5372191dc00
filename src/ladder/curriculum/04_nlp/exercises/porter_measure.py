r"""Porter's measure m.

Porter (1980) writes any word as ``[C](VC)^m[V]``: an optional run of consonants, then
``m`` repetitions of (vowels, consonants), then optional vowels. ``m`` is the
**measure**; the stemmer's rules only fire when the stem left behind has a large
enough ``m``.

A letter is a **vowel** if it is one of ``a e i o u``, or a ``y`` that follows a
consonant; every other letter is a **consonant** (so a ``y`` at the start of a word, or
after a vowel, is a consonant: ``toy`` → t(C) o(V) y(C), ``syzygy`` → C V C V C V).

``m`` is the number of places where a vowel is directly followed by a consonant::

    tr, ee, tree, y, by          -> 0
    trouble, oats, trees, ivy    -> 1
    troubles, private, oaten     -> 2

Input is a lower-case word. The matching library function is
``ladder.nlp.porter.measure``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""


def measure(stem: str) -> int:
    # TODO: mark each letter consonant/vowel (mind the y rule), then count
    # vowel -> consonant transitions.
    raise NotImplementedError
