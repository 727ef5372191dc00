"""Porter (1980): identical to NLTK's PorterStemmer in ORIGINAL_ALGORITHM mode."""

from __future__ import annotations

import re

import pytest
from nltk.stem import PorterStemmer as NltkPorter

from ladder.data import text
from ladder.data.sst2 import load_sst2
from ladder.nlp.porter import PorterStemmer, measure


@pytest.fixture(scope="module")
def real_words(shakespeare: str, pydoc_text: str) -> list[str]:
    corpus = " ".join([shakespeare, pydoc_text, *text.lee_corpus(), *load_sst2("train")[0]])
    return sorted({w.lower() for w in re.findall(r"[A-Za-z]+", corpus)})


def test_identical_to_nltk_original_on_20000_real_words(real_words: list[str]) -> None:
    # Distinct lower-cased words of Tiny Shakespeare, pydoc topics, the Lee corpus and
    # SST-2 train; exact string equality.
    assert len(real_words) >= 20000
    ours, ref = PorterStemmer(), NltkPorter(mode=NltkPorter.ORIGINAL_ALGORITHM)
    diffs = [(w, ours.stem(w), ref.stem(w)) for w in real_words if ours.stem(w) != ref.stem(w)]
    assert not diffs, diffs[:10]


def test_paper_examples_and_measure() -> None:
    ours = PorterStemmer()
    paper = {
        "caresses": "caress",
        "ponies": "poni",
        "cats": "cat",
        "feed": "feed",
        "agreed": "agre",
        "plastered": "plaster",
        "motoring": "motor",
        "sing": "sing",
        "hopping": "hop",
        "falling": "fall",
        "filing": "file",
        "happy": "happi",
        "relational": "relat",
        "controll": "control",
        "roll": "roll",
    }
    for word, expected in paper.items():
        assert ours.stem(word) == expected, word
    words = ("tr", "ee", "tree", "trouble", "oats", "private")
    assert [measure(w) for w in words] == [0, 0, 0, 1, 1, 2]


def test_bad_input() -> None:
    assert PorterStemmer().stem("") == ""
    with pytest.raises(TypeError, match="expects a str"):
        PorterStemmer().stem(["cats"])  # type: ignore[arg-type]
