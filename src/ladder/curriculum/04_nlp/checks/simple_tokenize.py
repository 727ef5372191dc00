"""Checks for the regex-tokenizer exercise."""

import re

from ladder.curriculum.expect import expect_equal, expect_raises


def _findall(pattern, text):
    return re.findall(pattern, text.lower())


def check_words_and_punctuation(submitted, reference):
    """splits words from punctuation and keeps contractions whole"""
    text = "Don't stop, Romeo!"
    expect_equal(
        submitted(text),
        reference(text),
        inputs={"text": text},
        mistakes=[
            (
                _findall(r"\w+|[^\w\s]", text),
                "an apostrophe inside a word belongs to the word: allow (?:['’]\\w+)* after \\w+",
            ),
            (
                _findall(r"\w+", text),
                "punctuation marks are tokens too: add an alternative for one non-space character",
            ),
            (
                _findall(r"\w+(?:['’]\w+)*", text),
                "punctuation marks are tokens too: add an alternative for one non-space character",
            ),
            (text.lower().split(), "splitting on spaces leaves punctuation glued to words"),
            (
                re.findall(r"\w+(?:['’]\w+)*|[^\w\s]", text),
                "lower-case the text first (lowercase=True is the default)",
            ),
        ],
    )


def check_keeps_case_when_asked(submitted, reference):
    """lowercase=False keeps the original case"""
    text = "O Romeo, Romeo! wherefore art thou Romeo?"
    expect_equal(
        submitted(text, lowercase=False),
        reference(text, lowercase=False),
        inputs={"text": text, "lowercase": False},
    )


def check_curly_apostrophe_and_symbols(submitted, reference):
    """handles the curly apostrophe, digits and symbols"""
    text = "It’s 5 o’clock; pay £3.50 — now?!"
    expect_equal(
        submitted(text),
        reference(text),
        inputs={"text": text},
        mistakes=[
            (_findall(r"\w+(?:'\w+)*|[^\w\s]", text), "accept the curly apostrophe ’ as well as '")
        ],
    )


def check_runs_of_punctuation(submitted, reference):
    """each punctuation mark is its own token, even in a run"""
    text = '"Really?!..." she said -- twice.'
    expect_equal(
        submitted(text),
        reference(text),
        inputs={"text": text},
        mistakes=[
            (
                _findall(r"\w+(?:['’]\w+)*|[^\w\s]+", text),
                "one token per punctuation character, not per run",
            )
        ],
    )


def check_empty_text(submitted, reference):
    """empty or blank text gives no tokens"""
    expect_equal(submitted(""), [], inputs={"text": ""})
    expect_equal(submitted(" \n\t "), [], inputs={"text": " \\n\\t "})


def check_rejects_non_strings(submitted, reference):
    """a non-string input raises TypeError"""
    expect_raises(
        TypeError, submitted, b"bytes are not text", inputs={"text": b"bytes are not text"}
    )
    expect_raises(TypeError, submitted, ["a", "list"], inputs={"text": ["a", "list"]})


def check_quotes_and_accents(submitted, reference):
    """a quote at a word's edge is punctuation; accented letters are word characters"""
    text = "'Tis the players' turn: Zoë’s café plays rock’n’roll, ma'am's crème brûlée, naïvely."
    expect_equal(
        submitted(text),
        reference(text),
        inputs={"text": text},
        mistakes=[
            (
                _findall(r"[\w'’]+|[^\w\s]", text),
                "an apostrophe joins a word only between two word characters: a quote at "
                "the start or end of a word is a token of its own",
            ),
            (
                _findall(r"\w+(?:['’]\w+)?|[^\w\s]", text),
                "a word may hold several apostrophes (rock’n’roll): repeat the group with *, not ?",
            ),
            (
                _findall(r"[a-z0-9_]+(?:['’][a-z0-9_]+)*|[^\w\s]", text),
                "\\w matches accented letters (é, ë, û) too; [a-z] splits words at them",
            ),
        ],
    )
