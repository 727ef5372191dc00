"""Concepts: the graph is validated, a lapse brings forward what an item rests on
(bounded, explained), and mastery per concept follows FSRS retrievability."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from ladder.curriculum import Concept
from ladder.curriculum.validate import concept_gaps, concept_problems, find_cycle
from ladder.study import concepts, session

from .conftest import T0


def _review_all(cur, store, lesson, rating, at):
    store.mark_read(lesson, at)
    for c in cur.cards_of(lesson):
        if c.auto_checked:
            typed = str(c.answer + 1 if c.kind == "choice" else c.answer)
            if rating == 1:
                typed = "0" if c.kind == "choice" else "-123456.789"
            ms = 5000 if rating == 4 else 20000  # right within 8 s is Easy, slower Good
            session.answer_card(cur, store, c.id, 0, typed=typed, duration_ms=ms, at=at)
        else:
            session.answer_card(cur, store, c.id, 0, rating=rating, at=at)


def test_course_graph_is_clean(cur):
    assert concept_problems(cur) == []
    # Every lesson of the stages written before the graph carries concepts, and every one
    # of their papers its idea (a stage added later shows as gaps in `ladder dev check`).
    tagged = ("ml", "nn", "dl", "nlp", "transformer", "ethics", "projects")
    assert [g for g in concept_gaps(cur) if g.split()[1].split(".")[0] in tagged] == []


def test_untagged_lessons_and_ideas_are_gaps_not_errors(cur):
    lesson = cur.lessons["ml.linear-regression"]
    papers = [p.model_copy(update={"idea": ""}) for p in lesson.papers]
    bare = lesson.model_copy(update={"concepts": [], "papers": papers})
    course = replace(cur, lessons={**cur.lessons, lesson.id: bare})
    gaps = concept_gaps(course)
    assert "lesson ml.linear-regression names no `concepts`" in gaps
    assert sum("has no `idea`" in g for g in gaps) == len(papers)
    # The only error: its concept is now taught by no lesson.
    assert [p.reason for p in concept_problems(course)] == [
        "concept 'linear-regression' is taught by no lesson"
    ]


def test_cycles_and_unknown_concepts_are_refused(cur):
    assert find_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": ["b"], "b": []}) is None
    broken = replace(cur, concepts=dict(cur.concepts))
    broken.concepts["linear-regression"] = Concept(
        id="linear-regression", title="x", requires=["gradient-descent", "no-such-thing"]
    )
    reasons = " | ".join(p.reason for p in concept_problems(broken))
    assert "cycle: " in reasons and "linear-regression" in reasons
    assert "unknown concept 'no-such-thing'" in reasons
    assert "first taught later" in reasons
    broken.concepts["orphan"] = Concept(id="orphan", title="never taught")
    assert any("taught by no lesson" in p.reason for p in concept_problems(broken))


def test_lapse_brings_prerequisites_forward_bounded_and_explained(ws, cur):
    store = ws.store
    # Easy on a first review skips the learning steps: due in days.
    _review_all(cur, store, "ml.kinds-of-learning", 4, T0)  # the prerequisite
    _review_all(cur, store, "ml.linear-regression", 4, T0)
    later = T0 + timedelta(hours=2)
    lapsed = next(c for c in cur.cards_of("ml.linear-regression") if not c.auto_checked)
    reps = store.card_rows()[lapsed.id]["reps"]
    got = session.answer_card(cur, store, lapsed.id, reps, rating=1, at=later)
    moved = got.brought_forward
    assert 0 < len(moved) <= concepts.MAX_BROUGHT_FORWARD
    prereq_cards = {c.id for c in cur.cards_of("ml.kinds-of-learning")}
    assert {m.id for m in moved} <= prereq_cards
    assert all(m.concept == "learning-paradigms" and m.old_due > later for m in moved)
    rows = store.card_rows()
    assert all(rows[m.id]["due"] == later.isoformat() for m in moved)
    text = concepts.explain(cur, moved)
    assert lapsed.id in text and "Kinds of learning" in text and "brought forward" in text
    # Now due: they lead the review queue.
    from ladder.study.memory import Memory

    due_now = {d.card.id for d in Memory(cur, store).queue(later) if not d.is_new}
    assert {m.id for m in moved} <= due_now
    # A second lapse within a day moves other cards, never the same ones again.
    other = [c for c in cur.cards_of("ml.linear-regression") if not c.auto_checked][1]
    again = session.answer_card(
        cur, store, other.id, store.card_rows()[other.id]["reps"], rating=1, at=later
    ).brought_forward
    assert not {m.id for m in again} & {m.id for m in moved}


def test_a_new_card_answered_again_is_no_lapse(ws, cur):
    store = ws.store
    _review_all(cur, store, "ml.kinds-of-learning", 4, T0)
    store.mark_read("ml.linear-regression", T0)
    card = next(c for c in cur.cards_of("ml.linear-regression") if not c.auto_checked)
    assert session.answer_card(cur, store, card.id, 0, rating=1, at=T0).brought_forward == []


def test_mastery_follows_retrievability(ws, cur):
    store = ws.store
    _review_all(cur, store, "ml.kinds-of-learning", 4, T0)
    soon = {m.id: m for m in concepts.mastery(cur, store, T0 + timedelta(days=1))}
    late = {m.id: m for m in concepts.mastery(cur, store, T0 + timedelta(days=200))}
    lp = soon["learning-paradigms"]
    course = [c for c in cur.cards_of("ml.kinds-of-learning") if c.deck == "course"]
    assert lp.reviewed == len(course) and lp.items > lp.reviewed  # its exercise is not passed
    assert 0.5 < lp.mastery <= 1.0
    assert late["learning-paradigms"].mastery < lp.mastery  # forgetting over time
    assert soon["attention"].mastery == 0.0 and soon["attention"].reviewed == 0
    assert [m.stage for m in concepts.mastery(cur, store, T0)][0] == "ml"


def test_coverage_per_stage(cur):
    rows = {r["stage"]: r for r in concepts.coverage(cur)}
    assert rows["ml"]["lessons"] == "9/9" and rows["ml"]["concepts"] >= 9
