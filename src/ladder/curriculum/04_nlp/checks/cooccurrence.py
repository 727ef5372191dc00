"""Checks for the co-occurrence matrix exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def _dense(m):
    return np.asarray(m.toarray() if hasattr(m, "toarray") else m, dtype=float)


def _counts(sentences, V, window, weighted=True, symmetric=True, shift=0):
    X = np.zeros((V, V))
    for s in sentences:
        for p in range(len(s)):
            for q in range(p + 1, min(len(s), p + window + 1)):
                w = 1.0 / (q - p + shift) if weighted else 1.0
                X[s[p], s[q]] += w
                if symmetric:
                    X[s[q], s[p]] += w
    return X


def check_three_words(submitted, reference):
    """the docstring's example: neighbours add 1, distance 2 adds 1/2"""
    s = [[0, 1, 2]]
    expect_close(
        _dense(submitted(s, 3, window=2)),
        _dense(reference(s, 3, window=2)),
        inputs={"sentences": s, "vocab_size": 3, "window": 2},
        mistakes=[
            (_counts(s, 3, 2, weighted=False), "weight each co-occurrence by 1 / distance"),
            (_counts(s, 3, 2, symmetric=False), "add each weight to both X[a, b] and X[b, a]"),
            (_counts(s, 3, 2, shift=1), "the weight is 1 / distance: neighbours add 1"),
        ],
    )


def check_repeated_words(submitted, reference):
    """to be or not to be: X[to, be] = 2, X[or, to] = 1"""
    s = [[0, 1, 2, 3, 0, 1]]  # to be or not to be
    expect_close(
        _dense(submitted(s, 4, window=2)),
        _dense(reference(s, 4, window=2)),
        inputs={
            "sentences": "to be or not to be as [[0, 1, 2, 3, 0, 1]]",
            "vocab_size": 4,
            "window": 2,
        },
    )


def check_window_limit(submitted, reference):
    """pairs farther apart than the window do not count"""
    s = [[0, 1, 2, 3, 4]]
    expect_close(
        _dense(submitted(s, 5, window=1)),
        _dense(reference(s, 5, window=1)),
        inputs={"sentences": s, "vocab_size": 5, "window": 1},
        mistakes=[(_counts(s, 5, 2), "only distances 1..window count")],
    )


def check_sentences_are_separate(submitted, reference):
    """words in different sentences never co-occur"""
    s = [[0, 1], [2, 3], [1]]
    expect_close(
        _dense(submitted(s, 4, window=5)),
        _dense(reference(s, 4, window=5)),
        inputs={"sentences": s, "vocab_size": 4, "window": 5},
        mistakes=[
            (
                _counts([[0, 1, 2, 3, 1]], 4, 5),
                "count within each sentence, not across sentence boundaries",
            )
        ],
    )


def check_default_window(submitted, reference):
    """uses window 10 by default on random sentences"""
    rng = np.random.default_rng(0)
    s = [rng.integers(0, 20, size=n).tolist() for n in (15, 3, 30)]
    expect_close(
        _dense(submitted(s, 20)),
        _dense(reference(s, 20)),
        inputs="three random sentences over 20 word ids (seed 0)",
    )
