"""Placement: simulated learners take the adaptive test, and it lands where it should."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from ladder.study import session
from ladder.study.grader import grade
from ladder.study.memory import check_answer, shown_answer
from ladder.study.placement import Placement, apply_placement, decode, encode, placed_lessons
from ladder.study.progress import next_step

from .conftest import T0


@dataclass
class Learner:
    """Knows every lesson in ``known`` (and nothing else): answers its cards right, writes
    its exercises as the reference does; elsewhere answers wrong and leaves the stub."""

    known: set[str]

    def answer(self, cur, q, tmp_path) -> bool:
        knows = q.lesson in self.known
        if q.kind == "exercise":
            ex = cur.exercises[q.id]
            # Through the real grader: the reference solution, or the untouched stub.
            v = grade(ex, ex.stub_path, use_reference=knows)
            return v.passed
        card = cur.cards[q.id]
        if q.self_rated:
            return knows
        if card.kind == "numeric":
            typed = shown_answer(card) if knows else "-987654.321"
        else:
            right = int(card.answer)
            typed = str(right + 1 if knows else (right + 1) % len(card.choices) + 1)
        return check_answer(card, typed)[0]


def take(cur, stage, learner, tmp_path):
    p = Placement(cur, stage)
    while (q := p.next()) is not None:
        p.answer(learner.answer(cur, q, tmp_path))
    return p.result()


def lessons_of(cur, *stages):
    return {l for s in stages for l in cur.stage(s).lessons}


def test_learner_who_knows_stage_1_places_out_of_it(ws, cur, tmp_path):
    result = take(cur, "ml", Learner(lessons_of(cur, "ml")), tmp_path)
    assert result.known == cur.stage("ml").lessons and result.unknown == []
    # Short: two cards a lesson at most, and one exercise.
    assert result.asked <= 2 * len(cur.stage("ml").lessons) + 1
    assert sum(1 for q, _ in result.answers if q.kind == "exercise") == 1
    counts = apply_placement(cur, ws.store, result, T0)
    assert counts["lessons"] == 9 and counts["cards"] > 0
    step = next_step(cur, ws.store, T0)
    assert (step.kind, step.target) == ("learn", "nn.perceptron")
    # Its cards are scheduled as remembered: none due today.
    from ladder.study.memory import Memory

    assert not [d for d in Memory(cur, ws.store).queue(T0) if not d.is_new]


def test_learner_who_knows_nothing_is_asked_little_and_starts_at_the_start(ws, cur, tmp_path):
    result = take(cur, "ml", Learner(set()), tmp_path)
    assert result.known == []
    # Only lessons with no unknown prerequisite are asked, one card each.
    roots = [l for l in cur.stage("ml").lessons if not cur.lessons[l].prerequisites]
    assert result.asked <= len(cur.stage("ml").lessons) and result.asked >= len(roots)
    apply_placement(cur, ws.store, result, T0)
    assert next_step(cur, ws.store, T0).target == "ml.kinds-of-learning"


def test_learner_who_knows_stages_1_to_3_starts_at_stage_4(ws, cur, tmp_path):
    learner = Learner(lessons_of(cur, "ml", "nn", "dl"))
    for stage in ("ml", "nn", "dl"):
        apply_placement(cur, ws.store, take(cur, stage, learner, tmp_path), T0)
    assert take(cur, "nlp", learner, tmp_path).known == []
    step = next_step(cur, ws.store, T0)
    assert (step.kind, step.target) == ("learn", "nlp.preprocessing")
    assert placed_lessons(ws.store) == lessons_of(cur, "ml", "nn", "dl")


def test_partial_knowledge_lands_on_the_first_gap(cur, tmp_path):
    known = {"ml.kinds-of-learning", "ml.linear-regression", "ml.optimisation"}
    result = take(cur, "ml", Learner(known), tmp_path)
    assert set(result.known) == known
    # logistic regression rests on optimisation and is unknown; what rests on it is not asked.
    asked = {q.lesson for q, _ in result.answers}
    assert "ml.classifiers" not in asked and "ml.evaluation" not in asked


def test_failed_confirming_exercise_demotes_the_lesson(cur, tmp_path):
    class CardsOnly(Learner):
        def answer(self, cur, q, tmp_path):
            return False if q.kind == "exercise" else super().answer(cur, q, tmp_path)

    result = take(cur, "ml", CardsOnly(lessons_of(cur, "ml")), tmp_path)
    last = result.answers[-1][0]
    assert last.kind == "exercise" and last.lesson not in result.known
    assert "ml.evaluation" not in result.known  # what rests on it goes too


def test_history_round_trips_through_a_form(cur, tmp_path):
    p = Placement(cur, "ml")
    learner = Learner({"ml.kinds-of-learning"})
    for _ in range(3):
        p.answer(learner.answer(cur, p.next(), tmp_path))
    again = Placement(cur, "ml", decode(cur, encode(p.answers)))
    assert again.next() == p.next()
    with pytest.raises(session.Invalid):
        Placement(cur, "ml", decode(cur, "e:ml.mse:1"))  # not the first question
    with pytest.raises(session.Invalid):
        decode(cur, "c:no.such-card:1")
    with pytest.raises(session.Refused, match="no stage"):
        Placement(cur, "nope")
