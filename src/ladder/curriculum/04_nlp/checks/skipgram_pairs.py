"""Checks for the skip-gram pairs exercise."""

from ladder.curriculum.expect import expect_equal


def _pairs(tokens, window, keep_self=False, reach=0, right=1, clip=True):
    out = []
    for i, c in enumerate(tokens):
        start = i - window - reach
        for j in range(
            max(0, start) if clip else start, min(len(tokens), i + window + right + reach)
        ):
            if j != i or keep_self:
                out.append((c, tokens[j]))
    return out


def _by_distance(tokens, window):
    out = []
    for i, c in enumerate(tokens):
        for d in range(1, window + 1):
            out += [(c, tokens[j]) for j in (i - d, i + d) if 0 <= j < len(tokens)]
    return out


def check_window_one(submitted, reference):
    """window 1 pairs each word with its neighbours"""
    tokens = [0, 1, 2]
    expect_equal(
        submitted(tokens, 1),
        reference(tokens, 1),
        inputs={"tokens": tokens, "window": 1},
        mistakes=[
            (_pairs(tokens, 1, keep_self=True), "skip j == i: a word is not its own context"),
            ([(1, 0), (2, 1), (0, 1), (1, 2)], "list the pairs centre by centre, left to right"),
            (
                _pairs(tokens, 1, clip=False),
                "clip the window at the sentence start: range(max(0, i - window), ...); a "
                "negative index wraps around to the end of the list",
            ),
        ],
    )


def check_window_two(submitted, reference):
    """a 5-word sentence with window 2 gives 14 pairs"""
    tokens = ["to", "be", "or", "not", "to"]
    expect_equal(
        submitted(tokens, 2),
        reference(tokens, 2),
        inputs={"tokens": tokens, "window": 2},
        mistakes=[
            (
                _pairs(tokens, 1),
                "the window reaches `window` positions each side: "
                "range(i - window, i + window + 1)",
            ),
            (
                _pairs(tokens, 2, reach=1),
                "the window is inclusive of distance `window` but no further",
            ),
            (
                _pairs(tokens, 2, right=0),
                "range's end is exclusive: go to i + window + 1 to reach the word `window` "
                "positions to the right",
            ),
            (
                _by_distance(tokens, 2),
                "list each centre's contexts left to right (by position), not by distance",
            ),
        ],
    )


def check_edges(submitted, reference):
    """handles short sentences and large windows"""
    for tokens, window in [([], 2), ([7], 3), ([1, 2], 5)]:
        expect_equal(
            submitted(tokens, window),
            reference(tokens, window),
            inputs={"tokens": tokens, "window": window},
        )


def check_longer_sentence(submitted, reference):
    """matches on a 12-word sentence with window 3"""
    tokens = "the quick brown fox jumps over the lazy dog and runs away".split()
    expect_equal(submitted(tokens, 3), reference(tokens, 3), inputs={"tokens": tokens, "window": 3})


def check_repeated_words(submitted, reference):
    """a repeated word is a context of its own other occurrences"""
    tokens = "that that is is that that is not is not".split()
    expect_equal(
        submitted(tokens, 2),
        reference(tokens, 2),
        inputs={"tokens": tokens, "window": 2},
        mistakes=[
            (
                [(c, x) for c, x in _pairs(tokens, 2) if c != x],
                "skip the centre's own position (j != i), not every token equal to it",
            )
        ],
    )
