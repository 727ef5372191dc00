"""Checks for reciprocal-rank fusion."""

from ladder.curriculum.expect import expect_close, expect_equal


def _from_zero(rankings, k, order):
    """The scores with ranks counted from 0: a likely slip."""
    s = {}
    for ranking in rankings:
        for rank, d in enumerate(ranking):
            s[d] = s.get(d, 0.0) + 1.0 / (k + rank)
    return [s[d] for d in order]


def _check(submitted, reference, rankings, k, mistakes=()):
    expect = reference([list(r) for r in rankings], k)
    got = submitted([list(r) for r in rankings], k)
    inputs = {"rankings": rankings, "k": k}
    expect_equal(
        [str(d) for d, _ in got],
        [d for d, _ in expect],
        inputs=inputs,
        what="the fused order",
        mistakes=mistakes,
    )
    order = [d for d, _ in expect]
    expect_close(
        [float(s) for _, s in got],
        [s for _, s in expect],
        inputs=inputs,
        what="the scores",
        mistakes=[
            (_from_zero(rankings, k, order), "ranks start at 1: the first item gets 1 / (k + 1)")
        ],
    )


def check_lesson_example(submitted, reference):
    """the lesson's two rankings, k = 60"""
    _check(submitted, reference, [["a", "b", "c"], ["b", "c"]], 60.0)


def check_small_k(submitted, reference):
    """k = 1 makes the ranks matter more; ranks start at 1"""
    rankings = [["x", "y", "z", "w"], ["w", "z"], ["z", "q"]]
    _check(
        submitted,
        reference,
        rankings,
        1.0,
        mistakes=[(["z", "w", "x", "y", "q"], "ranks start at 1: the first item gets 1 / (k + 1)")],
    )


def check_sum_not_mean(submitted, reference):
    """an item in several rankings gets the SUM of its contributions"""
    rankings = [["p", "q", "r"], ["s", "q"], ["t", "q"]]
    _check(
        submitted,
        reference,
        rankings,
        60.0,
        mistakes=[
            (
                ["p", "s", "t", "q", "r"],
                "add the contributions of every ranking; do not average them",
            )
        ],
    )


def check_ties_keep_first_seen(submitted, reference):
    """equal scores keep the order of first appearance"""
    _check(submitted, reference, [["m", "n"], ["n", "m"], ["o"]], 60.0)
