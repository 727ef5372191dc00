r"""Remove stop words.

Return the tokens that are not stop words, **in their original order and case**. The
comparison is case-insensitive: ``"The"`` is a stop word because ``"the"`` is in the
list. ``stop_words`` replaces the default list (``ENGLISH_STOP_WORDS``, which keeps the
negations ``not``, ``no``, ``never`` on purpose); compare it case-insensitively too.

    remove_stop_words(["The", "film", "is", "not", "good"])  ->  ["film", "not", "good"]

Passing a single string instead of a list of tokens raises ``TypeError`` (iterating a
string would give its letters). The matching library function is
``ladder.nlp.stopwords.remove_stop_words``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from collections.abc import Iterable

from ladder.nlp.stopwords import ENGLISH_STOP_WORDS  # noqa: F401 - for your code


def remove_stop_words(tokens: Iterable[str], stop_words: Iterable[str] | None = None) -> list[str]:
    # TODO: refuse a str; build a lower-cased set of stop words; keep the other tokens.
    raise NotImplementedError
