r"""Word tokenisation in the Penn Treebank conventions, as a sequence of regex rewrites.

The Treebank tokenizer pads each token boundary with spaces and then splits on
whitespace. The rewrites, in order:

1. **opening quotes**: a ``"`` at the start, or after a space or an opening bracket,
   becomes ````` (two back-ticks);
2. **punctuation**: ``:`` and ``,`` split off unless a digit follows (``3,36`` stays);
   ``...`` and ``; @ # $ % &`` split off; a final period splits off (``York.`` inside a
   text stays: only the period at the end of the string is a token); ``?`` and ``!``;
   a ``'`` followed by a space;
3. **brackets** ``()[]{}<>`` split off (optionally as ``-LRB-`` … ``-RCB-``);
   ``--`` splits off;
4. **closing quotes and clitics**: ``"`` and ``''`` become ``''``; ``'s 'm 'd 'll 're
   've n't`` split from their word (``can't`` → ``ca n't``);
5. **contractions**: ``cannot gimme gonna gotta lemme more'n wanna d'ye 'tis 'twas``
   split in two.

This is ``nltk.tokenize.TreebankWordTokenizer().tokenize`` token for token
(``tests/nlp/test_tokenize.py`` checks every line of Tiny Shakespeare and of the pydoc
topics). The ``regex`` module is used, as NLTK does, so ``\s`` and ``\d`` mean the same.

>>> treebank_tokenize("They'll save and invest more.")
['They', "'ll", 'save', 'and', 'invest', 'more', '.']
>>> treebank_tokenize("hi, my name can't hello,")
['hi', ',', 'my', 'name', 'ca', "n't", 'hello', ',']
"""

from __future__ import annotations

import re

import regex

__all__ = ["TreebankWordTokenizer", "treebank_tokenize", "simple_tokenize"]

_Rules = list[tuple["regex.Pattern[str]", str]]


def _rules(pairs: list[tuple[str, str]]) -> _Rules:
    return [(regex.compile(p), r) for p, r in pairs]


_OPENING_QUOTES = _rules(
    [
        (r'^"', "``"),
        (r"(``)", r" \1 "),
        (r"([ (\[{<])(\"|'')", r"\1 `` "),
    ]
)
_PUNCTUATION = _rules(
    [
        (r"([:,])([^\d])", r" \1 \2"),  # comma/colon not inside a number
        (r"([:,])$", r" \1 "),
        (r"\.\.\.", r" ... "),  # ellipsis before single periods
        (r"[;@#$%&]", r" \g<0> "),
        (r"([^.])(\.)([\])}>\"']*)\s*$", r"\1 \2\3 "),  # only the text-final period
        (r"[?!]", r" \g<0> "),
        (r"([^'])' ", r"\1 ' "),
    ]
)
_BRACKETS = regex.compile(r"[\]\[(){}<>]")
_PTB_BRACKETS = {"(": "-LRB-", ")": "-RRB-", "[": "-LSB-", "]": "-RSB-", "{": "-LCB-", "}": "-RCB-"}
_DASHES = regex.compile(r"--")
_CLOSING = _rules(
    [
        (r"''", " '' "),
        (r'"', " '' "),
        (r"([^' ])('[sS]|'[mM]|'[dD]|') ", r"\1 \2 "),
        (r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", r"\1 \2 "),
    ]
)
# Contractions that are two words written as one (Robert MacIntyre's list).
_CONTRACTIONS = [
    re.compile(p)
    for p in [
        r"(?i)\b(can)(not)\b",
        r"(?i)\b(d)('ye)\b",
        r"(?i)\b(gim)(me)\b",
        r"(?i)\b(gon)(na)\b",
        r"(?i)\b(got)(ta)\b",
        r"(?i)\b(lem)(me)\b",
        r"(?i)\b(more)('n)\b",
        r"(?i)\b(wan)(na)(?=\s)",
        r"(?i) ('t)(is)\b",
        r"(?i) ('t)(was)\b",
    ]
]


class TreebankWordTokenizer:
    """Penn Treebank word tokenizer (see the module docstring for the rules).

    ``convert_parentheses=True`` writes brackets as ``-LRB-``/``-RRB-`` etc., as the
    Treebank files do.
    """

    def __init__(self, convert_parentheses: bool = False) -> None:
        self.convert_parentheses = convert_parentheses

    def tokenize(self, text: str) -> list[str]:
        if not isinstance(text, str):
            raise TypeError(
                f"tokenize expects a str, got {type(text).__name__} ({text!r:.60}); "
                "decode bytes first (bytes.decode('utf-8'))."
            )
        for pattern, repl in _OPENING_QUOTES + _PUNCTUATION:
            text = pattern.sub(repl, text)
        if self.convert_parentheses:
            text = _BRACKETS.sub(lambda m: f" {_PTB_BRACKETS.get(m[0], m[0])} ", text)
        else:
            text = _BRACKETS.sub(r" \g<0> ", text)
        text = _DASHES.sub(" -- ", text)
        text = f" {text} "
        for pattern, repl in _CLOSING:
            text = pattern.sub(repl, text)
        for pattern in _CONTRACTIONS:
            text = pattern.sub(r" \1 \2 ", text)
        return text.split()

    __call__ = tokenize


def treebank_tokenize(text: str) -> list[str]:
    """Tokenize ``text`` with the Treebank rules (``TreebankWordTokenizer().tokenize``)."""
    return TreebankWordTokenizer().tokenize(text)


_WORD = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


def simple_tokenize(text: str, lowercase: bool = True) -> list[str]:
    r"""Words (``\w+`` with inner apostrophes) and single punctuation marks.

    The quick tokenizer the embedding and language-model lessons use.

    >>> simple_tokenize("Don't stop, Romeo!")
    ["don't", 'stop', ',', 'romeo', '!']
    """
    if not isinstance(text, str):
        raise TypeError(f"simple_tokenize expects a str, got {type(text).__name__}.")
    if lowercase:
        text = text.lower()
    return _WORD.findall(text)
