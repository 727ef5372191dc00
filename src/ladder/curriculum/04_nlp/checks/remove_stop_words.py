"""Checks for the stop-word exercise."""

from ladder.curriculum.expect import expect_equal, expect_raises


def check_sentence(submitted, reference):
    """drops stop words case-insensitively and keeps negations"""
    tokens = ["The", "film", "is", "not", "good", ",", "and", "I", "did", "n't", "laugh"]
    expect_equal(
        submitted(tokens),
        reference(tokens),
        inputs={"tokens": tokens},
        mistakes=[
            (
                ["The", "film", "not", "good", ",", "I", "n't", "laugh"],
                "compare in lower case: 'The' and 'I' are stop words",
            ),
            (
                ["film", "good", ",", "laugh"],
                "negations are not in the default list: do not remove them",
            ),
            (
                ["film", "good", ",", "did", "n't", "laugh"],
                "negations are not in the default list: use ENGLISH_STOP_WORDS from "
                "ladder.nlp.stopwords (scikit-learn's list drops not, no, never, nor)",
            ),
        ],
    )


def check_keeps_order_and_case(submitted, reference):
    """keeps the remaining tokens in order, with their case"""
    tokens = ["ROMEO", "and", "Juliet", "of", "Verona"]
    expect_equal(
        submitted(tokens),
        reference(tokens),
        inputs={"tokens": tokens},
        mistakes=[
            (["romeo", "juliet", "verona"], "return the tokens as they were, not lower-cased"),
            (["Juliet", "ROMEO", "Verona"], "keep the original order (do not go through a set)"),
        ],
    )


def check_custom_list(submitted, reference):
    """a custom stop-word list replaces the default, case-insensitively"""
    tokens = ["the", "Film", "FILM", "review"]
    expect_equal(
        submitted(tokens, ["Film"]),
        reference(tokens, ["Film"]),
        inputs={"tokens": tokens, "stop_words": ["Film"]},
        mistakes=[
            (["the", "FILM", "review"], "lower-case the custom list too"),
            (tokens, "lower-case the custom list too"),
            (["review"], "a custom list replaces the default list, it does not extend it"),
        ],
    )


def check_empty(submitted, reference):
    """no tokens in, no tokens out"""
    expect_equal(submitted([]), [], inputs={"tokens": []})


def check_rejects_a_string(submitted, reference):
    """a single string raises TypeError"""
    expect_raises(TypeError, submitted, "the film is good", inputs={"tokens": "the film is good"})


def check_empty_custom_list(submitted, reference):
    """an empty custom list removes nothing (it is not the default list)"""
    tokens = ["The", "film", "is", "not", "good"]
    expect_equal(
        submitted(tokens, []),
        reference(tokens, []),
        inputs={"tokens": tokens, "stop_words": []},
        mistakes=[
            (
                ["film", "not", "good"],
                "an empty list is a custom list with no words: test `stop_words is None`, "
                "not `if stop_words`",
            )
        ],
    )


def check_keeps_negations(submitted, reference):
    """the default list keeps every negation"""
    tokens = ["Not", "bad", "no", "never", "nor", "the", "end"]
    expect_equal(
        submitted(tokens),
        reference(tokens),
        inputs={"tokens": tokens},
        mistakes=[
            (
                ["bad", "end"],
                "negations are not in the default list: use ENGLISH_STOP_WORDS from "
                "ladder.nlp.stopwords (scikit-learn's list drops not, no, never, nor)",
            )
        ],
    )
