"""Morphy-style lemmatiser: agreement with lemminflect on real words of SST-2."""

from __future__ import annotations

from collections import Counter

import pytest

from ladder.data.sst2 import load_sst2
from ladder.nlp.lemmatize import MorphyLemmatizer, to_wordnet_pos

lemminflect = pytest.importorskip("lemminflect")
pytest.importorskip("spacy_lookups_data")


def test_agreement_with_lemminflect_on_sst2_words() -> None:
    # Real tokens: every distinct alphabetic token of SST-2 train. No POS tagger is
    # installed, so each word is paired with every POS for which lemminflect's own
    # dictionary lists it as an inflection (getLemma(..., lemmatize_oov=False)); those
    # are the (word, POS) readings a tagger could produce.
    words = Counter(w for s in load_sst2("train")[0] for w in s.split() if w.isalpha())
    lem = MorphyLemmatizer()
    pairs = []
    for word in sorted(words):
        for upos in ("NOUN", "VERB", "ADJ", "ADV"):
            ref = lemminflect.getLemma(word, upos=upos, lemmatize_oov=False)
            if ref:
                pairs.append((word, upos, ref[0]))
    disagree = [(w, u, lem.lemmatize(w, u), r) for w, u, r in pairs if lem.lemmatize(w, u) != r]
    rate = 1 - len(disagree) / len(pairs)
    print(f"lemma agreement with lemminflect: {rate:.4f} on {len(pairs)} (word, POS) pairs")
    print("disagreements (word, POS, ours, lemminflect):", disagree)
    # Measured 0.988 on 14,239 pairs. The bar is 97 %; the differences are
    # lexicon choices (modals: could -> can, more -> much, leaves -> leaf vs leave).
    assert len(pairs) > 10000
    assert rate >= 0.97


def test_morphy_steps() -> None:
    lem = MorphyLemmatizer()
    assert lem.lemmatize("geese", "n") == "goose"  # exception list
    assert lem.lemmatize("running", "VERB") == "run"  # exception list (doubling)
    assert lem.lemmatize("ways", "NNS") == "way"  # rule -s, shortest candidate
    assert lem.lemmatize("happier", "JJR") == "happy"  # exception list
    assert lem.lemmatize("boxes", "n") == "box"  # rule -xes -> -x
    assert lem.lemmatize("Qwertyzzz", "n") == "qwertyzzz"  # OOV: itself, lower-cased
    assert lem.lemmatize("the", "DT") == "the"  # no WordNet category
    assert lem.lemmatize("", "n") == ""


def test_bad_input() -> None:
    with pytest.raises(TypeError):
        MorphyLemmatizer().lemmatize(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_wordnet_pos(3)  # type: ignore[arg-type]
