r"""A WordNet-Morphy-style lemmatiser: exception lists, an index of lemmas, suffix rules.

WordNet's *Morphy* finds the base form of a word for a part of speech in three steps:

1. **exceptions** — irregular forms listed per POS (``geese → goose``, ``ran → run``,
   ``better → good``) are looked up first;
2. **detachment rules** — strip an inflectional suffix and maybe add letters
   (nouns: ``-ies → -y``, ``-ves → -f``, ``-men → -man``, ``-s``; verbs: ``-ies → -y``,
   ``-es → -e``/``-``, ``-ed → -e``/``-``, ``-ing → -e``/``-``; adjectives: ``-er``,
   ``-est``), keeping the candidates that *are* in the index;
3. **already a lemma** — a word in the POS's index is a candidate too. Of all the
   candidates the shortest wins (``ways`` is a WordNet noun, but so is ``way``).

A word nothing applies to is returned lower-cased (out-of-vocabulary words are their
own lemma). The lexicon is WordNet 3.0's index and exception lists as shipped, read as
files, in the ``spacy-lookups-data`` package (``en_lemma_index``, ``en_lemma_exc``,
``en_lemma_rules``); nothing of spaCy is imported.

POS tags may be WordNet's (``n v a r``), Universal (``NOUN VERB ADJ ADV``) or Penn
(``NN VBD JJR RB``…). ``tests/nlp/test_lemmatize.py`` tags 2,693 SST-2 sentences with
spaCy's ``en_core_web_sm`` tagger and measures agreement with spaCy's rule lemmatiser on
the 24,776 nouns, verbs, adjectives and adverbs (99.0 %; ``lemminflect`` 96.4 %), listing
the disagreements.

>>> lem = MorphyLemmatizer()  # doctest: +SKIP
>>> pairs = [("geese", "n"), ("running", "v"), ("happier", "a")]
>>> [lem.lemmatize(w, p) for w, p in pairs]  # doctest: +SKIP
['goose', 'run', 'happy']
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from functools import lru_cache
from pathlib import Path

__all__ = ["MorphyLemmatizer", "to_wordnet_pos", "lexicon_folder"]

_UNIVERSAL = {
    "NOUN": "noun",
    "PROPN": "noun",
    "VERB": "verb",
    "AUX": "verb",
    "ADJ": "adj",
    "ADV": "adv",
}
_WORDNET = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}


def to_wordnet_pos(tag: str) -> str | None:
    """Map a WordNet, Universal or Penn tag to ``noun``/``verb``/``adj``/``adv``.

    Returns ``None`` for tags with no WordNet category (determiners, punctuation…),
    whose words are left as they are.
    """
    if not isinstance(tag, str):
        raise TypeError(f"POS tag must be a str, got {type(tag).__name__} ({tag!r}).")
    if tag in _WORDNET:
        return _WORDNET[tag]
    if tag.lower() in ("noun", "verb", "adj", "adv"):
        return tag.lower()
    if tag.upper() in _UNIVERSAL:
        return _UNIVERSAL[tag.upper()]
    penn = tag.upper()
    if penn.startswith("NN"):
        return "noun"
    if penn.startswith("VB") or penn == "MD":
        return "verb"
    if penn.startswith("JJ"):
        return "adj"
    if penn.startswith("RB"):
        return "adv"
    return None


def lexicon_folder() -> Path:
    """Folder of the WordNet tables inside the installed ``spacy-lookups-data`` package."""
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            "the WordNet lexicon comes from the spacy-lookups-data package, which is not "
            "installed; run `pip install spacy-lookups-data`."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@lru_cache(maxsize=1)
def _load() -> tuple[
    dict[str, frozenset[str]], dict[str, dict[str, list[str]]], dict[str, list[tuple[str, str]]]
]:
    folder = lexicon_folder()

    def read(name: str) -> dict:
        with gzip.open(folder / f"en_lemma_{name}.json.gz", "rt", encoding="utf-8") as fh:
            return json.load(fh)

    index = {pos: frozenset(words) for pos, words in read("index").items()}
    exceptions = read("exc")
    rules = {pos: [(old, new) for old, new in pairs] for pos, pairs in read("rules").items()}
    return index, exceptions, rules


class MorphyLemmatizer:
    """POS-aware dictionary + rules lemmatiser in the style of WordNet's Morphy.

    ``lemmatize(word, pos)`` returns one lemma; ``candidates(word, pos)`` all of them.
    The default POS is noun, as in NLTK's ``WordNetLemmatizer``.
    """

    def __init__(self) -> None:
        self.index_, self.exceptions_, self.rules_ = _load()

    def candidates(self, word: str, pos: str = "n") -> list[str]:
        if not isinstance(word, str):
            raise TypeError(f"lemmatize expects a str, got {type(word).__name__} ({word!r}).")
        category = to_wordnet_pos(pos)
        form = word.lower()
        if category is None or not form:
            return [form]
        index = self.index_.get(category, frozenset())
        exc = self.exceptions_.get(category, {})
        if form in exc:  # irregular: the listed lemmas (and the form, if a lemma too)
            found = [c for c in exc[form]] + ([form] if form in index else [])
        else:
            found = []
            for old, new in self.rules_.get(category, []):
                if old and form.endswith(old):
                    cand = form[: len(form) - len(old)] + new
                    if cand in index and cand not in found:
                        found.append(cand)
            if form in index:
                found.append(form)
        # Morphy returns every candidate; like NLTK's WordNetLemmatizer we prefer the
        # shortest (``ways``: both ``ways`` and ``way`` are nouns in WordNet).
        return sorted(found, key=len) or [form]

    def lemmatize(self, word: str, pos: str = "n") -> str:
        """The first candidate lemma of ``word`` as ``pos`` (the word itself if none)."""
        return self.candidates(word, pos)[0]

    __call__ = lemmatize
