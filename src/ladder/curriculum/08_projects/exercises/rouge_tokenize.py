"""ROUGE's tokeniser (Google's rouge-score, after ROUGE-1.5.5).

1. lower-case the text;
2. replace every run of characters other than ``a-z`` and ``0-9`` by one space;
3. split on whitespace;
4. if a ``stemmer`` (a function word → stem) is given, stem only words longer than 3
   characters;
5. keep only tokens that are non-empty and made of ``a-z0-9`` (a stemmer may return
   something else, which is then dropped).

    rouge_tokenize("The cat's 2 HATS!")  →  ["the", "cat", "s", "2", "hats"]

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import re


def rouge_tokenize(text: str, stemmer=None) -> list[str]:
    # TODO: lower, re.sub(r"[^a-z0-9]+", " ", ...), split, stem words longer than 3, filter.
    raise NotImplementedError
