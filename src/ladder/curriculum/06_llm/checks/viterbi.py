"""Checks for the Unigram Viterbi exercise."""

from ladder.curriculum.expect import expect_equal


def _path(result):
    """The learner's path as a list of (id, start, end) tuples, whatever the sequence type."""
    return [tuple(int(v) for v in step) for step in result]


VOCAB = {"▁": (3, -3.0), "▁a": (4, -1.0), "b": (5, -2.0), "▁ab": (6, -2.5), "a": (7, -2.0),
         "ab": (8, -3.5), "c": (9, -4.0), "bc": (10, -1.5)}  # fmt: skip


def check_best_not_greedy(submitted, reference):
    """'▁abc': the best sum is ▁a + bc (−2.5), not the longest first piece ▁ab + c (−6.5)"""
    want = reference("▁abc", VOCAB, 3, -14.0, 0)
    expect_equal(
        _path(submitted("▁abc", dict(VOCAB), 3, -14.0, 0)), want,
        inputs={"text": "▁abc", "vocab": VOCAB, "max_len": 3},
        mistakes=[([(6, 0, 3), (9, 3, 4)], "take the path with the best total log probability, "
                   "not the longest match first (greedy)")],
    )  # fmt: skip


def check_unknown_characters(submitted, reference):
    """'▁abz▁': z has no piece, so it becomes one unknown node"""
    want = reference("▁abz▁", VOCAB, 3, -14.0, 0)
    expect_equal(_path(submitted("▁abz▁", dict(VOCAB), 3, -14.0, 0)), want,
                 inputs={"text": "▁abz▁", "unk_score": -14.0, "unk_id": 0})  # fmt: skip


def check_ties_keep_the_first(submitted, reference):
    """equal totals: ▁ + ab found first (from start 1) beats ▁a + b found later"""
    vocab = {"▁": (1, -1.0), "▁a": (2, -1.0), "ab": (3, -1.0), "b": (4, -1.0), "a": (5, -1.0)}
    want = reference("▁ab", vocab, 2, -11.0, 0)
    expect_equal(
        _path(submitted("▁ab", dict(vocab), 2, -11.0, 0)), want,
        inputs={"text": "▁ab", "vocab": vocab},
        mistakes=[([(2, 0, 2), (4, 2, 3)], "replace best[end] only when strictly better (>), "
                   "so the first of equal candidates stays")],
    )  # fmt: skip


def check_max_len_and_empty(submitted, reference):
    """pieces longer than max_len are not tried; the empty text has an empty path"""
    want = reference("▁abc", VOCAB, 2, -14.0, 0)
    expect_equal(_path(submitted("▁abc", dict(VOCAB), 2, -14.0, 0)), want,
                 inputs={"text": "▁abc", "max_len": 2})  # fmt: skip
    expect_equal(_path(submitted("", dict(VOCAB), 3, -14.0, 0)), [], inputs={"text": ""})
