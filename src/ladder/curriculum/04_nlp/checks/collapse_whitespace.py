"""Checks for the collapse-whitespace exercise."""

import re

from ladder.curriculum.expect import expect_equal, expect_raises


def check_spaces_tabs_newlines(submitted, reference):
    """turns runs of spaces, tabs and newlines into one space"""
    text = "to\tbe \n\n or   not"
    expect_equal(
        submitted(text),
        reference(text),
        inputs={"text": repr(text)},
        mistakes=[
            (
                text.replace("\t", " ").replace("\n", " "),
                "collapse a whole run into one space, not each character",
            ),
            (re.sub(r" +", " ", text), "tabs and newlines are whitespace too: use \\s"),
        ],
    )


def check_strips_the_ends(submitted, reference):
    """strips leading and trailing whitespace"""
    text = "   to be   "
    expect_equal(
        submitted(text),
        reference(text),
        inputs={"text": repr(text)},
        mistakes=[(" to be ", "strip the ends after collapsing")],
    )


def check_unicode_spaces(submitted, reference):
    """treats Unicode spaces (no-break, em space) as whitespace"""
    text = "or\u00a0not\u2003to\u3000be"
    expect_equal(
        submitted(text),
        reference(text),
        inputs={"text": repr(text)},
        mistakes=[
            (
                text,
                "Unicode spaces are whitespace: use \\s (Unicode-aware in Python 3), "
                "not a literal ' '",
            )
        ],
    )


def check_empty_and_blank(submitted, reference):
    """empty or blank text becomes the empty string"""
    expect_equal(submitted(""), "", inputs={"text": "''"})
    expect_equal(submitted(" \n "), "", inputs={"text": repr(" \n ")})


def check_rejects_non_strings(submitted, reference):
    """a non-string input raises TypeError"""
    expect_raises(TypeError, submitted, b"bytes", inputs={"text": b"bytes"})
