"""Checks for the WordPiece exercise."""

from ladder.curriculum.expect import expect_equal

VOCAB = {
    "[UNK]",
    "un",
    "una",
    "##aff",
    "##ff",
    "##able",
    "##ffable",
    "token",
    "##ization",
    "##ize",
    "##s",
    "play",
    "##ing",
    "##ed",
    "a",
    "##b",
    "##c",
}


def check_unaffable(submitted, reference):
    """splits a word into a prefix piece and ## continuations"""
    vocab = {"un", "##aff", "##able"}
    expect_equal(
        submitted("unaffable", set(vocab)),
        reference("unaffable", vocab),
        inputs={"word": "unaffable", "vocab": sorted(vocab)},
        mistakes=[
            (["un", "aff", "able"], "continuation pieces carry the ## prefix"),
            (["[UNK]"], "look continuation pieces up with the prefix: '##' + word[start:end]"),
        ],
    )


def check_longest_match(submitted, reference):
    """takes the longest matching piece first (greedy)"""
    for word in ["unaffable", "tokenization", "playing", "plays"]:
        expect_equal(
            submitted(word, set(VOCAB)),
            reference(word, VOCAB),
            inputs={"word": word, "vocab": sorted(VOCAB)},
            mistakes=[
                (
                    ["un", "##aff", "##able"],
                    "try the longest piece first: 'una' is in the vocabulary",
                ),
            ],
        )


def _char_fallback(word, vocab, unk="[UNK]", prefix="##"):
    """Greedy longest match that emits [UNK] for one character and goes on."""
    pieces, start = [], 0
    while start < len(word):
        for end in range(len(word), start, -1):
            piece = word[start:end] if start == 0 else prefix + word[start:end]
            if piece in vocab:
                pieces.append(piece)
                start = end
                break
        else:
            pieces.append(unk)
            start += 1
    return pieces


def check_whole_word_unknown(submitted, reference):
    """a word that cannot be spelled becomes one [UNK]"""
    for word in ["unzip", "xylophone", "abcd"]:
        expect_equal(
            submitted(word, set(VOCAB)),
            reference(word, VOCAB),
            inputs={"word": word, "vocab": sorted(VOCAB)},
            mistakes=[
                (
                    ["un", "[UNK]"],
                    "if any position fails, the whole word becomes [UNK], not just the rest",
                ),
                (
                    ["a", "##b", "##c", "[UNK]"],
                    "if any position fails, the whole word becomes [UNK], not just the rest",
                ),
                (
                    _char_fallback(word, VOCAB),
                    "if any position fails, the whole word becomes [UNK]: do not skip the "
                    "character and go on",
                ),
            ],
        )


def check_custom_unk_and_prefix(submitted, reference):
    """honours unk_token and prefix"""
    vocab = {"play", "@@ing", "<unk>"}
    expect_equal(
        submitted("playing", set(vocab), unk_token="<unk>", prefix="@@"),
        reference("playing", vocab, unk_token="<unk>", prefix="@@"),
        inputs={"word": "playing", "vocab": sorted(vocab), "prefix": "@@"},
    )
    expect_equal(
        submitted("played", set(vocab), unk_token="<unk>", prefix="@@"),
        ["<unk>"],
        inputs={"word": "played", "vocab": sorted(vocab), "unk_token": "<unk>"},
    )


def check_too_long(submitted, reference):
    """a word longer than max_chars is [UNK]"""
    word = "a" + "b" * 120
    expect_equal(
        submitted(word, set(VOCAB)),
        reference(word, VOCAB),
        inputs={"word": "a followed by 120 b", "max_chars": 100},
    )
    expect_equal(
        submitted("abc", set(VOCAB), max_chars=2), ["[UNK]"], inputs={"word": "abc", "max_chars": 2}
    )
    expect_equal(
        submitted("abc", set(VOCAB), max_chars=3),
        reference("abc", VOCAB, max_chars=3),
        inputs={"word": "abc", "max_chars": 3},
        mistakes=[(["[UNK]"], "only a word longer than max_chars is [UNK]: use >, not >=")],
    )


def check_greedy_from_the_left(submitted, reference):
    """matches from the start of the word, not from its end"""
    vocab = {"a", "ab", "##bcd", "##cd", "##d"}
    expect_equal(
        submitted("abcd", set(vocab)),
        reference("abcd", vocab),
        inputs={"word": "abcd", "vocab": sorted(vocab)},
        mistakes=[
            (
                ["a", "##bcd"],
                "match from the left: the longest piece at the *start* of what is left "
                "(ab), not the longest suffix (##bcd)",
            )
        ],
    )
