"""English stop words: the function words a bag-of-words model usually drops.

Our list (:data:`ENGLISH_STOP_WORDS`, 136 words) is the closed-class core of English:
articles, pronouns and their possessives, auxiliaries and modal verbs, prepositions,
conjunctions, and a few high-frequency adverbs and determiners. It keeps negations out
on purpose (``not``, ``no``, ``nor``, ``never``): dropping them flips sentiment
("not good"). Contracted forms are listed as the Treebank tokenizer splits them
(``n't``, ``'s``, ``'re``).

scikit-learn's ``ENGLISH_STOP_WORDS`` (318 words, Glasgow list) is larger and does drop
negations; NLTK's list (179) is close to ours. A stop-word list is a modelling choice,
not a fact: there is no parity test, only :func:`remove_stop_words`'s contract.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["ENGLISH_STOP_WORDS", "NEGATIONS", "is_stop_word", "remove_stop_words"]

_WORDS = """
a an the
i me my mine myself we us our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their theirs themselves
this that these those who whom whose which what
am is are was were be been being have has had having do does did doing
will would shall should can could may might must
's 're 've 'd 'll 'm
of at by for with about against between into through during before after above below
to from up down in out on off over under
and but or if because as until while so than then once
here there when where why how all any both each few more most other some such only own
same too very just also s t
"""

#: The stop-word set (lower case).
ENGLISH_STOP_WORDS = frozenset(_WORDS.split())
#: Negations, deliberately *not* stop words.
NEGATIONS = frozenset(["not", "no", "nor", "never", "n't", "none", "nothing", "neither"])


def is_stop_word(token: str) -> bool:
    """Whether ``token`` (case-insensitive) is in :data:`ENGLISH_STOP_WORDS`."""
    return token.lower() in ENGLISH_STOP_WORDS


def remove_stop_words(tokens: Iterable[str], stop_words: Iterable[str] | None = None) -> list[str]:
    """Tokens that are not stop words, order kept.

    >>> remove_stop_words(["The", "film", "is", "not", "good"])
    ['film', 'not', 'good']
    """
    if isinstance(tokens, str):
        raise TypeError(
            "remove_stop_words expects a list of tokens, got a str; tokenize it first "
            "(ladder.nlp.tokenize.simple_tokenize)."
        )
    words = ENGLISH_STOP_WORDS if stop_words is None else frozenset(w.lower() for w in stop_words)
    return [t for t in tokens if t.lower() not in words]
