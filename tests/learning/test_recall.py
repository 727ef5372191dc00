"""Code recall: a passed exercise comes back on the FSRS schedule and is written again
from the blank stub; the grader's outcome, hints and time give the rating."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ladder.study import recall, session
from ladder.study.recall import recall_rating

from .conftest import MSE_RIGHT, MSE_WRONG, T0


@pytest.mark.parametrize(
    ("hints", "failed", "seconds", "seen", "gave_up", "rating"),
    [
        (0, 0, 60, False, False, 4),  # quick, clean: Easy
        (0, 0, 300, False, False, 4),  # exactly 5 minutes is still quick
        (0, 0, 301, False, False, 3),  # past 5 minutes: Good
        (0, 1, 60, False, False, 3),  # one failed check: Good, not Easy
        (0, 2, 1800, False, False, 3),
        (0, 3, 60, False, False, 2),  # three failed checks: Hard
        (0, 0, 1801, False, False, 2),  # slower than 30 minutes: Hard
        (1, 0, 60, False, False, 2),  # one hint: Hard
        (2, 0, 60, False, False, 1),  # two hints: Again
        (0, 0, 60, True, False, 1),  # saw the solution: Again
        (0, 0, 60, False, True, 1),  # gave up: Again
        (0, 0, None, False, False, 3),  # a first pass (no time): Good at best
        (0, 3, None, False, False, 2),
    ],
)
def test_rating_mapping(hints, failed, seconds, seen, gave_up, rating):
    got = recall_rating(
        hints=hints, failed=failed, seconds=seconds, solution_seen=seen, gave_up=gave_up
    )
    assert got == rating


def test_rating_refuses_negative_counts():
    with pytest.raises(ValueError, match="must not be negative"):
        recall_rating(hints=-1, failed=0, seconds=1)


def test_pass_schedules_then_recall_from_a_blank_stub(ws, cur):
    ex = cur.exercises["ml.mse"]
    path = ws.exercise_path(ex)
    store = ws.store
    path.write_text(MSE_WRONG)
    assert session.check(store, ex, path, T0).recall is None  # a wrong answer: nothing yet
    path.write_text(MSE_RIGHT)
    v = session.check(store, ex, path, T0 + timedelta(minutes=3))
    first = v.recall
    assert v.passed and first.first and first.rating == 3 and first.failed == 1
    assert first.due - (T0 + timedelta(minutes=3)) >= timedelta(days=1)  # days, not minutes
    assert recall.due_exercises(cur, store, T0 + timedelta(hours=1)) == []
    due = recall.due_exercises(cur, store, first.due)
    assert [d.id for d in due] == ["ml.mse"]
    # Passing it again outside a recall leaves the schedule alone.
    assert session.check(store, ex, path, T0 + timedelta(minutes=5)).recall is None

    start = first.due
    backup = recall.start_recall(store, ex, path, start)
    assert backup.read_text() == MSE_RIGHT  # the earlier solution is kept
    assert path.read_text() == ex.stub_path.read_text()  # a blank stub to write
    assert ".ladder/backups/recall" in str(backup)
    v = session.check(store, ex, path, start + timedelta(minutes=1))
    assert v.outcome == "not_attempted" and v.recall is None
    path.write_text(MSE_RIGHT)
    v = session.check(store, ex, path, start + timedelta(minutes=4))
    r = v.recall
    # No hint, no failed check (the untouched stub does not count), 4 minutes: Easy.
    assert (r.rating, r.hints, r.failed, r.seconds) == (4, 0, 0, 240.0)
    assert r.due - start > first.due - T0  # the interval grew
    logs = recall.recall_logs(store)
    assert [l["rating"] for l in logs] == [3, 4] and [l["was_new"] for l in logs] == [1, 0]
    assert recall.in_progress(store, ex.id) is None


def test_hints_and_failures_during_recall_lower_the_rating(ws, cur):
    ex = cur.exercises["ml.mse"]
    path, store = ws.exercise_path(ex), ws.store
    path.write_text(MSE_RIGHT)
    first = session.check(store, ex, path, T0).recall
    start = first.due + timedelta(days=1)
    recall.start_recall(store, ex, path, start)
    session.reveal_hint(store, ex)  # hints start again from none during a recall
    assert store.hints_shown(ex.id) == 1
    path.write_text(MSE_WRONG)
    session.check(store, ex, path, start + timedelta(minutes=2))
    path.write_text(MSE_RIGHT)
    r = session.check(store, ex, path, start + timedelta(minutes=3)).recall
    assert (r.rating, r.hints, r.failed) == (2, 1, 1)  # one hint: Hard


def test_solution_seen_or_giving_up_is_again_and_a_lapse(ws, cur):
    ex = cur.exercises["ml.mse"]
    path, store = ws.exercise_path(ex), ws.store
    path.write_text(MSE_RIGHT)
    first = session.check(store, ex, path, T0).recall
    start = first.due
    recall.start_recall(store, ex, path, start)
    session.reveal_solution(store, ex, start)
    path.write_text(MSE_RIGHT)
    assert session.check(store, ex, path, start + timedelta(minutes=1)).recall.rating == 1
    later = start + timedelta(days=3)
    recall.start_recall(store, ex, path, later)
    r = recall.give_up(cur, store, ex, later + timedelta(minutes=10))
    assert r.rating == 1
    assert path.read_text() == ex.stub_path.read_text()  # left as it was
    with pytest.raises(session.Refused, match="not writing"):
        recall.give_up(cur, store, ex, later)


def test_start_refuses_an_exercise_not_yet_passed(ws, cur):
    ex = cur.exercises["ml.mse"]
    with pytest.raises(session.Refused, match="joins when you pass it"):
        recall.start_recall(ws.store, ex, ws.exercise_path(ex), T0)


def test_review_queue_mixes_due_cards_and_exercises(ws, cur):
    ex = cur.exercises["ml.mse"]
    store = ws.store
    store.mark_read("ml.linear-regression", T0)
    path = ws.exercise_path(ex)
    path.write_text(MSE_RIGHT)
    first = session.check(store, ex, path, T0).recall
    card = next(c for c in cur.cards_of("ml.linear-regression") if not c.auto_checked)
    session.answer_card(cur, store, card.id, 0, rating=3, at=T0)
    queue = recall.mixed_queue(cur, store, first.due + timedelta(days=30))
    kinds = {type(q).__name__ for q in queue}
    assert kinds >= {"DueExercise", "DueCard"}
    assert queue[0].due <= queue[1].due  # oldest due first


def test_next_step_counts_due_cards_and_exercises(ws, cur):
    from ladder.study.progress import REVIEW_THRESHOLD, next_step

    store = ws.store
    ex = cur.exercises["ml.mse"]
    ws.exercise_path(ex).write_text(MSE_RIGHT)
    first = session.check(store, ex, ws.exercise_path(ex), T0).recall
    lessons = [l.id for l in cur.ordered_lessons()][:3]
    for lesson in lessons:
        store.mark_read(lesson, T0)
        for c in cur.cards_of(lesson):
            if not c.auto_checked:
                session.answer_card(cur, store, c.id, 0, rating=4, at=T0)
    later = first.due + timedelta(days=60)  # everything is due by then
    step = next_step(cur, store, later)
    assert step.kind == "review" and step.counts["exercises"] == 1
    assert step.counts["due"] + 1 >= REVIEW_THRESHOLD
    assert "cards and 1 exercise are due" in step.text
