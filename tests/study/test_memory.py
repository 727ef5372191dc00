"""Spaced repetition: unlocking, daily limits, answer checking, FSRS scheduling."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler

from ladder.curriculum import Card, load_curriculum
from ladder.study.memory import Memory, auto_rating, check_answer, cloze_back, cloze_front
from ladder.study.store import Store

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def setup(tmp_path):
    cur = load_curriculum()
    store = Store.open(tmp_path / "ladder.db")
    yield cur, store, Memory(cur, store)
    store.close()


def test_cards_are_locked_until_their_lesson_is_read(setup):
    cur, store, memory = setup
    assert memory.queue(NOW) == []
    store.mark_read("ml.linear-regression", NOW)
    queue = memory.queue(NOW)
    assert [d.card.id for d in queue] == [c.id for c in cur.cards_of("ml.linear-regression")]
    assert all(d.is_new for d in queue)


def test_new_cards_per_day_are_limited(setup):
    cur, store, memory = setup
    store.mark_read("ml.linear-regression", NOW)
    store.set_setting("new_per_day", "3")
    assert len(memory.queue(NOW)) == 3
    for item in memory.queue(NOW)[:2]:
        memory.answer(item, 3, NOW)
    assert memory.new_left_today(NOW) == 1
    assert memory.new_left_today(NOW + timedelta(days=1)) == 3


def test_scheduling_is_fsrs(setup):
    """Our adapter gives the same due date as the fsrs package used directly."""
    cur, store, memory = setup
    store.mark_read("ml.linear-regression", NOW)
    item = memory.queue(NOW)[0]
    reference = Scheduler(enable_fuzzing=False)
    ref_card = FsrsCard()
    times = [NOW, NOW + timedelta(minutes=10), NOW + timedelta(days=3)]
    for t, rating in zip(times, [3, 3, 4], strict=True):
        item = next(d for d in memory.queue(t + timedelta(days=400)) if d.card.id == item.card.id)
        assert memory.answer(item, rating, t)
        ref_card, _ = reference.review_card(ref_card, Rating(rating), review_datetime=t)
    row = store.card_rows()[item.card.id]
    assert datetime.fromisoformat(row["due"]) == ref_card.due.replace(microsecond=0)
    assert row["state"]["stability"] == pytest.approx(ref_card.stability, rel=1e-12)
    assert row["reps"] == 3


def test_a_card_answered_twice_concurrently_counts_once(setup):
    cur, store, memory = setup
    store.mark_read("ml.linear-regression", NOW)
    item = memory.queue(NOW)[0]
    assert memory.answer(item, 3, NOW)
    assert not memory.answer(item, 3, NOW)
    assert len(store.review_logs()) == 1


def test_invalid_rating(setup):
    cur, store, memory = setup
    store.mark_read("ml.linear-regression", NOW)
    with pytest.raises(ValueError, match="rating must be 1"):
        memory.answer(memory.queue(NOW)[0], 5, NOW)


def test_auto_rating_from_correctness_and_time():
    assert auto_rating(False, 2) == 1
    assert auto_rating(True, 3) == 4
    assert auto_rating(True, 20) == 3
    assert auto_rating(True, 90) == 2


def test_numeric_answers():
    card = Card(
        id="ml.x",
        lesson="ml.linear-regression",
        kind="numeric",
        front="?",
        answer=0.6667,
        tolerance=0.001,
    )
    assert check_answer(card, "0.667")[0]
    assert check_answer(card, "2/3")[0]
    assert not check_answer(card, "0.7")[0]
    ok, feedback = check_answer(card, "two thirds")
    assert not ok and "not a number" in feedback


def _numeric(answer, **kw):
    return Card(
        id="ml.x", lesson="ml.linear-regression", kind="numeric", front="?", answer=answer, **kw
    )


@pytest.mark.parametrize(
    ("answer", "decimals", "typed", "right"),
    [
        (1.2877, 2, "1.29", True),  # rounded as asked
        (1.2877, 2, "1.2877", True),  # more decimals, same rounding
        (1.2877, 2, "1.285", True),  # rounds half up to 1.29
        (1.2877, 2, "1.284", False),  # rounds to 1.28
        (1.2877, 2, "1.3", False),  # fewer decimals than asked
        (-1.3416, 2, "-1.34", True),
        (-1.3416, 2, "\u22121.34", True),  # a typographic minus
        (-1.3416, 2, "-1.35", False),
        (2 / 3, 2, "2/3", True),
        (2 / 3, 2, "0.67", True),
        (2 / 3, 3, "0.667", True),
        (2 / 3, 3, "0.67", False),
        (0.0009765625, 4, "0.001", True),  # 0.0010 at four decimals
        (0.0009765625, 5, "0.001", False),  # 0.00098 at five
        (62050, None, "62,050", True),
        (62050, None, "62050.5", False),
        (0.75, None, "3/4", True),
    ],
)
def test_numeric_answers_that_round_to_the_stated_precision(answer, decimals, typed, right):
    assert check_answer(_numeric(answer, decimals=decimals), typed)[0] is right


def test_a_tolerance_widens_the_stated_precision():
    card = _numeric(7.8165, decimals=2, tolerance=0.02)
    assert check_answer(card, "7.82")[0] and check_answer(card, "7.80")[0]
    assert not check_answer(card, "7.79")[0]


def test_percent_cards_read_12_percent_as_12():
    card = _numeric(12, percent=True)
    assert check_answer(card, "12")[0] and check_answer(card, "12%")[0]
    assert check_answer(card, "12 %")[0]
    ok, feedback = check_answer(card, "0.12")
    assert not ok and "percentage" in feedback and "12 %" in feedback
    # elsewhere a % sign means hundredths
    assert check_answer(_numeric(0.12, decimals=2), "12%")[0]


def test_numeric_feedback_shows_the_answer_at_the_stated_precision():
    assert check_answer(_numeric(2 / 3, decimals=2), "0.5")[1].startswith(
        "Not quite: the answer is 0.67"
    )
    assert "62,050" in check_answer(_numeric(62050), "1")[1]
    assert not check_answer(_numeric(1.0, decimals=1), "inf")[0]
    assert not check_answer(_numeric(1.0, decimals=1), "nan")[0]


def test_choice_answers():
    card = Card(
        id="ml.y",
        lesson="ml.linear-regression",
        kind="choice",
        front="?",
        choices=["a", "b", "c"],
        answer=1,
    )
    assert check_answer(card, "2")[0] and check_answer(card, "b")[0]
    assert not check_answer(card, "1")[0]
    assert "not one of the choices" in check_answer(card, "9")[1]


def test_cloze_rendering():
    card = Card(
        id="ml.z", lesson="ml.linear-regression", kind="cloze", front="The answer is {{42}}."
    )
    assert cloze_front(card) == "The answer is […]."
    assert cloze_back(card) == "The answer is 42."
