"""Checks for the confusion-pair error analysis."""

from ladder.curriculum.expect import expect_equal, expect_raises


def _norm(out):
    return [(str(t), str(p), int(c)) for t, p, c in out]


def _check(submitted, reference, y_true, y_pred, mistakes=()):
    expect = _norm(reference(list(y_true), list(y_pred)))
    expect_equal(
        _norm(submitted(list(y_true), list(y_pred))),
        expect,
        inputs={"y_true": y_true, "y_pred": y_pred},
        mistakes=mistakes,
    )


def check_lesson_example(submitted, reference):
    """the lesson's five predictions"""
    _check(
        submitted,
        reference,
        ["pos", "neg", "neu", "neu", "neg"],
        ["pos", "neu", "neg", "neg", "neu"],
        mistakes=[
            (
                [("neg", "neu", 2), ("neu", "neg", 2), ("pos", "pos", 1)],
                "leave correct predictions out",
            ),
            ([("neu", "neg", 2), ("neg", "neu", 2)], "each triple is (true, predicted, count)"),
        ],
    )


def check_order(submitted, reference):
    """most frequent first; equal counts in order of first occurrence (not alphabetical)"""
    t = ["zeta", "beta", "zeta", "alpha", "beta", "alpha", "alpha", "zeta"]
    p = ["beta", "zeta", "beta", "zeta", "alpha", "beta", "zeta", "alpha"]
    _check(submitted, reference, t, p)


def check_all_correct_and_bad_input(submitted, reference):
    """no mistakes: an empty list; different lengths: ValueError"""
    _check(submitted, reference, ["a", "b"], ["a", "b"])
    expect_raises(
        ValueError, submitted, ["a"], ["a", "b"], inputs={"y_true": ["a"], "y_pred": ["a", "b"]}
    )
