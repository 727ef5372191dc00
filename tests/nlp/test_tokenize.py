"""Treebank tokenizer: identical to NLTK's TreebankWordTokenizer on every line of real text."""

from __future__ import annotations

import pytest
from nltk.tokenize import TreebankWordTokenizer as NltkTreebank

from ladder.nlp.tokenize import TreebankWordTokenizer, simple_tokenize


def _both(lines: list[str], convert_parentheses: bool = False) -> list[tuple[str, list, list]]:
    ours, ref = TreebankWordTokenizer(convert_parentheses), NltkTreebank()
    return [
        (line, ours.tokenize(line), ref.tokenize(line, convert_parentheses=convert_parentheses))
        for line in lines
    ]


def test_identical_on_every_line_of_tiny_shakespeare(shakespeare: str) -> None:
    # Corpus: Tiny Shakespeare, all 40,000 lines (exact token equality, no tolerance).
    lines = shakespeare.splitlines()
    assert len(lines) == 40000
    diffs = [(l, a, b) for l, a, b in _both(lines) if a != b]
    assert not diffs, diffs[:5]


@pytest.mark.slow
def test_identical_on_every_line_of_pydoc_topics(pydoc_text: str) -> None:
    # Corpus: Python's pydoc topics, 11,452 lines of technical English with code,
    # brackets and quotes; both bracket conventions.
    lines = pydoc_text.splitlines()
    for convert in (False, True):
        diffs = [(l, a, b) for l, a, b in _both(lines, convert) if a != b]
        assert not diffs, diffs[:5]


def test_edge_cases_match_nltk() -> None:
    cases = [
        '"Hi," she said.',
        "I cannot gonna wanna go 'tis",
        "(a) [b] {c} <d> -- e...",
        "It costs $3.88 at 5:30, ok?",
        "",
        "   ",
        "x.'",
        "don't CAN'T",
    ]
    for line, a, b in _both(cases) + _both(cases, True):
        assert a == b, line


def test_bad_input() -> None:
    with pytest.raises(TypeError, match="expects a str"):
        TreebankWordTokenizer().tokenize(None)  # type: ignore[arg-type]
    assert simple_tokenize("Don't stop, Romeo!") == ["don't", "stop", ",", "romeo", "!"]
