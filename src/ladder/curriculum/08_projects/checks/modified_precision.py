"""Checks for BLEU's clipped n-gram precision."""

from ladder.curriculum.expect import expect_equal


def _call(fn, hyp, refs, n):
    out = fn(hyp.split(), [r.split() for r in refs], n)
    return tuple(int(x) for x in out)


def check_lesson_example(submitted, reference):
    """ "the the the the" against "the cat": one "the" is credited"""
    args = ("the the the the", ["the cat"], 1)
    expect_equal(
        _call(submitted, *args),
        _call(reference, *args),
        inputs={"hypothesis": args[0], "references": args[1], "n": 1},
        mistakes=[((4, 4), "clip each n-gram by its count in the reference")],
    )


def check_max_over_references(submitted, reference):
    """several references: clip by the largest count in ONE reference, not the sum"""
    args = ("the the the cat", ["the cat sat", "a the dog the"], 1)
    expect_equal(
        _call(submitted, *args),
        _call(reference, *args),
        inputs={"hypothesis": args[0], "references": args[1], "n": 1},
        mistakes=[
            ((4, 4), "the counts of different references must not be added: take the maximum")
        ],
    )


def check_bigrams_and_repeats(submitted, reference):
    """bigrams, repeated n-grams counted with multiplicity"""
    for args in [
        ("a b a b a b", ["a b a b c"], 2),
        ("a a b", ["a a b"], 1),
        ("x y z", ["z y x", "x y q"], 2),
        ("one two three four", ["one two three four"], 3),
    ]:
        expect_equal(
            _call(submitted, *args),
            _call(reference, *args),
            inputs={"hypothesis": args[0], "references": args[1], "n": args[2]},
            mistakes=[((2, 3), "count repeated n-grams as often as they occur, not once")],
        )


def check_short_output(submitted, reference):
    """an output shorter than n has no n-grams: (0, 0)"""
    args = ("hello", ["hello world"], 2)
    expect_equal(
        _call(submitted, *args),
        _call(reference, *args),
        inputs={"hypothesis": args[0], "references": args[1], "n": 2},
    )
