"""The card lint that `ladder dev check` runs: each rule fires on an unfair card and stays
quiet on a fair one; and every numeric card of the course accepts its own answer as the
front asks for it."""

from __future__ import annotations

import pytest

from ladder.curriculum import Card, load_curriculum
from ladder.curriculum.cardlint import lint_card, stated_decimals
from ladder.study.memory import check_answer, shown_answer

LESSON = "ml.linear-regression"


def card(**kw) -> Card:
    return Card(id="ml.x", lesson=LESSON, **kw)


def reasons(c: Card) -> str:
    return " | ".join(lint_card(c))


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("What is it to two decimals?", 2),
        ("What is it, to 3 decimals?", 3),
        ("Give it to four decimal places.", 4),
        ("As a whole number?", 0),
        ("What is it?", None),
    ],
)
def test_stated_decimals(front, expected):
    assert stated_decimals(front) == expected


def test_two_questions_in_one_card():
    for front in (
        "What is a saturated unit, and why does it learn slowly?",
        "What does the Breusch–Pagan test check, and how?",
        "What is X? Why?",
    ):
        assert "two things" in reasons(card(kind="basic", front=front, back="b"))
    # "and" inside one question is fine
    assert not lint_card(card(kind="basic", front="What is the gradient of x and y?", back="b"))


def test_cloze_answer_in_the_open():
    bad = card(kind="cloze", front="The prefix {{##}} marks a continuation, as in token ##ization.")
    assert "away" in reasons(bad)
    good = card(kind="cloze", front="A continuation piece starts with {{##}} in WordPiece.")
    assert not lint_card(good)


def test_choice_right_option_stands_out():
    bad = card(
        kind="choice",
        front="Why?",
        choices=["short", "a long and careful explanation that is obviously right", "nope", "no"],
        answer=1,
    )
    assert "much longer" in reasons(bad)
    quoted = card(
        kind="choice",
        front="Is it because the matrix squares the condition number?",
        choices=["the matrix squares the condition number", "it is slower", "it is faster"],
        answer=0,
    )
    assert "quoted" in reasons(quoted)


def test_a_flagged_second_defensible_option_is_refused():
    c = card(kind="choice", front="Which?", choices=["a", "b", "c"], answer=0, defensible=[2])
    assert "also defensible" in reasons(c)
    with pytest.raises(ValueError, match="defensible"):
        card(kind="choice", front="Which?", choices=["a", "b"], answer=0, defensible=[0])
    with pytest.raises(ValueError, match="defensible"):
        card(kind="basic", front="Which?", back="b", defensible=[1])


def test_numeric_precision_rules():
    # 2/3 has no short exact form: the precision must be stated
    assert "no short exact form" in reasons(card(kind="numeric", front="MSE?", answer=2 / 3))
    # stated in the field but not in the front, or the other way round
    assert "does not say" in reasons(card(kind="numeric", front="MSE?", answer=2 / 3, decimals=2))
    assert "set `decimals = 2`" in reasons(
        card(kind="numeric", front="MSE, to two decimals?", answer=0.67)
    )
    # a tolerance tighter than the stated precision
    tight = card(
        kind="numeric", front="To two decimals?", answer=1.2877, decimals=2, tolerance=0.001
    )
    assert "tighter" in reasons(tight)
    fine = card(kind="numeric", front="To two decimals?", answer=1.2877, decimals=2, tolerance=0.01)
    assert not lint_card(fine)
    # short exact answers need nothing
    assert not lint_card(card(kind="numeric", front="What is 3/4?", answer=0.75))


def test_percent_must_be_declared():
    front = "What percentage of tokens become [MASK]?"
    assert "percent = true" in reasons(card(kind="numeric", front=front, answer=12))
    assert not lint_card(card(kind="numeric", front=front, answer=12, percent=True))
    assert "does not ask" in reasons(
        card(kind="numeric", front="How many?", answer=3, percent=True)
    )


def test_numeric_answer_printed_in_the_front():
    c = card(kind="numeric", front="How many multiply-adds, 524,288 or more?", answer=524288)
    assert "printed in the front" in reasons(c)


def test_every_numeric_card_accepts_its_answer_as_asked():
    cur = load_curriculum()
    numeric = [c for c in cur.cards.values() if c.kind == "numeric"]
    assert numeric
    for c in numeric:
        typed = shown_answer(c).replace(" %", "%")
        assert check_answer(c, typed)[0], (c.id, typed)
        if c.decimals:  # one unit of the last decimal off is wrong (unless a tolerance says)
            off = float(typed.rstrip("%").replace(",", "")) + 10.0**-c.decimals
            assert check_answer(c, repr(off))[0] is (c.tolerance >= 10.0**-c.decimals), c.id


def test_the_course_passes_the_lint():
    cur = load_curriculum()
    assert [(c.id, r) for c in cur.cards.values() for r in lint_card(c)] == []
