"""Checks for the worst-group model-card field."""

from ladder.curriculum.expect import expect_close, expect_equal, expect_raises


def check_lesson_example(submitted, reference):
    """accuracy 0.71 for women and 0.74 for men: women, 0.03 behind"""
    d = {"women": 0.71, "men": 0.74}
    got, expected = submitted(dict(d)), reference(dict(d))
    expect_equal(
        got.get("worst_group"),
        expected["worst_group"],
        inputs=d,
        what="worst_group",
        mistakes=[("men", "for accuracy, the worst group has the smallest value")],
    )
    expect_equal(got.get("best_group"), expected["best_group"], inputs=d, what="best_group")
    expect_close(got.get("value"), expected["value"], inputs=d, what="value")
    expect_close(
        got.get("gap"),
        expected["gap"],
        inputs=d,
        what="gap",
        mistakes=[(0.71 / 0.74, "the gap is a difference, not a ratio")],
    )


def check_lower_is_better(submitted, reference):
    """for an error rate the worst group has the largest value"""
    d = {"a": 0.12, "b": 0.31, "c": 0.2}
    got, expected = submitted(dict(d), False), reference(dict(d), False)
    expect_equal(
        got.get("worst_group"),
        expected["worst_group"],
        inputs={"by_group": d, "higher_is_better": False},
        what="worst_group",
        mistakes=[("a", "with higher_is_better=False the worst value is the largest")],
    )
    expect_close(got.get("gap"), expected["gap"], inputs=d, what="gap")


def check_empty(submitted, reference):
    """raises ValueError for an empty dict"""
    expect_raises(ValueError, submitted, {}, inputs={"by_group": {}})
