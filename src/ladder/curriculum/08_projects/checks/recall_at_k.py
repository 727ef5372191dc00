"""Checks for recall@k."""

from ladder.curriculum.expect import expect_close, expect_raises

RANKED = [["x", "y", "z"], ["y", "x"], ["z"], ["q", "r", "x", "s"], ["x"]]
RELEVANT = ["x", "x", "x", "x", "y"]


def check_lesson_example(submitted, reference):
    """the lesson's three queries at k = 1 and 2"""
    for k in (1, 2):
        r, rel = [list(x) for x in RANKED[:3]], RELEVANT[:3]
        expect_close(
            submitted(r, list(rel), k),
            reference(r, list(rel), k),
            inputs={"ranked": r, "relevant": rel, "k": k},
            mistakes=[(2 / 3, "look at the first k entries: ranking[:k]")]
            if k == 1
            else [(1 / 3, "divide by the number of queries, not by k")],
        )


def check_every_k(submitted, reference):
    """five queries, k from 1 to 5 (k beyond a ranking's length is fine)"""
    for k in range(1, 6):
        r = [list(x) for x in RANKED]
        expect_close(
            submitted(r, list(RELEVANT), k),
            reference(r, list(RELEVANT), k),
            inputs={"ranked": RANKED, "relevant": RELEVANT, "k": k},
            mistakes=[(0.6, "only the first k entries count, not the whole ranking")],
        )


def check_bad_input(submitted, reference):
    """k = 0 or mismatched lengths raise ValueError"""
    expect_raises(ValueError, submitted, [["a"]], ["a"], 0, inputs={"k": 0})
    expect_raises(
        ValueError, submitted, [["a"], ["b"]], ["a"], 1, inputs={"ranked": 2, "relevant": 1}
    )
