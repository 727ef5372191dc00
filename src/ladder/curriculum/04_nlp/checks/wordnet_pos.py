"""Checks for the POS-tag mapping exercise."""

from ladder.curriculum.expect import expect_equal, expect_raises


def _table(fn, tags):
    return {t: fn(t) for t in tags}


def _noun_default(fn, tags):
    return {t: fn(t) or "noun" for t in tags}


def check_wordnet_letters(submitted, reference):
    """maps WordNet's n v a s r (lower case only)"""
    tags = ["n", "v", "a", "s", "r", "N", "V", "A", "S", "R"]
    expect_equal(
        _table(submitted, tags),
        _table(reference, tags),
        inputs={"tags": tags},
        mistakes=[
            (
                {**_table(reference, tags), "s": None},
                "'s' (satellite adjective) is an adjective too",
            ),
            (
                {
                    **_table(reference, tags),
                    **{t.upper(): _table(reference, tags)[t] for t in "nvasr"},
                },
                "WordNet letters are lower case: compare `tag` itself, not `tag.lower()` "
                "('S' or 'N' are not WordNet tags)",
            ),
        ],
    )


def check_universal_tags(submitted, reference):
    """maps Universal tags, including PROPN and AUX"""
    tags = [
        "NOUN",
        "PROPN",
        "VERB",
        "AUX",
        "ADJ",
        "ADV",
        "DET",
        "PRON",
        "PUNCT",
        "noun",
        "Verb",
        "propn",
    ]
    expect_equal(
        _table(submitted, tags),
        _table(reference, tags),
        inputs={"tags": tags},
        mistakes=[
            (
                _noun_default(reference, tags),
                "tags with no WordNet category (DET, PRON, PUNCT) give None, not a default 'noun'",
            )
        ],
    )


def check_penn_tags(submitted, reference):
    """maps Penn Treebank tags by their prefix"""
    tags = [
        "NN",
        "NNS",
        "NNP",
        "VB",
        "VBD",
        "VBG",
        "MD",
        "JJ",
        "JJR",
        "RB",
        "RBS",
        "WRB",
        "DT",
        "PRP$",
        "IN",
        "CD",
        ".",
        "",
    ]
    expect_equal(
        _table(submitted, tags),
        _table(reference, tags),
        inputs={"tags": tags},
        mistakes=[
            ({**_table(reference, tags), "MD": None}, "modal verbs (MD: can, would) are verbs"),
            (
                {**_table(reference, tags), "WRB": "adv"},
                "only tags starting with RB are adverbs (WRB is a wh-word)",
            ),
            (
                _noun_default(reference, tags),
                "tags with no WordNet category (DT, IN, punctuation) give None, "
                "not a default 'noun'",
            ),
        ],
    )


def check_rejects_non_strings(submitted, reference):
    """a non-string tag raises TypeError"""
    expect_raises(TypeError, submitted, None, inputs={"tag": None})
