"""Concepts: what rests on what, what a lapse says, and mastery per concept.

The course tags lessons (and, where they differ, cards and exercises) with concepts from
``curriculum/concepts.toml``, a prerequisite graph the validator keeps acyclic.

* **A lapse brings its prerequisites forward.** When a card or an exercise seen before
  is answered Again, the learner has likely lost something it rests on. The reviews of
  the concepts it *directly* requires that are not due yet are made due now — at most
  :data:`MAX_BROUGHT_FORWARD` per lapse, the weakest first (lowest FSRS
  retrievability), and none that was brought forward in the last :data:`QUIET_HOURS`
  hours — and each move is recorded with its reason, so the learner is told why.
* **Mastery** of a concept is the mean FSRS retrievability (the probability of recall
  now) over all its items, an item never reviewed counting 0: "how much of this would
  I get right today". ``ladder map`` and the map page show it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ladder.curriculum import Curriculum
from ladder.study.store import Store

__all__ = [
    "MAX_BROUGHT_FORWARD",
    "QUIET_HOURS",
    "BroughtForward",
    "ConceptMastery",
    "prerequisites_of",
    "items_of",
    "after_lapse",
    "explain",
    "mastery",
    "retrievability",
    "coverage",
]

MAX_BROUGHT_FORWARD = 4
QUIET_HOURS = 24


def _iso(t: datetime) -> str:
    return t.astimezone(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class BroughtForward:
    kind: str  # "card" or "exercise"
    id: str
    concept: str  # the prerequisite concept it belongs to
    because: str  # the lapsed item
    old_due: datetime
    new_due: datetime


def _item_concepts(cur: Curriculum, kind: str, item_id: str) -> list[str]:
    item = cur.cards.get(item_id) if kind == "card" else cur.exercises.get(item_id)
    return cur.concepts_of(item) if item is not None else []


def prerequisites_of(cur: Curriculum, concepts: list[str]) -> list[str]:
    """The concepts ``concepts`` directly require (not themselves), in graph order."""
    out: list[str] = []
    for c in concepts:
        for r in cur.concepts[c].requires if c in cur.concepts else []:
            if r not in concepts and r not in out:
                out.append(r)
    return out


def items_of(cur: Curriculum, concept: str) -> list[tuple[str, str]]:
    """Every (kind, id) tagged with ``concept``: course cards, then exercises."""
    cards = [
        ("card", c.id)
        for c in cur.cards.values()
        if c.deck == "course" and concept in cur.concepts_of(c)
    ]
    exercises = [
        ("exercise", e.id) for e in cur.exercises.values() if concept in cur.concepts_of(e)
    ]
    return cards + exercises


def retrievability(state: dict, now: datetime, scheduler=None) -> float:
    """FSRS's probability of recalling an item with ``state`` at ``now``."""
    from fsrs import Card as FsrsCard
    from fsrs import Scheduler

    if state.get("stability") is None:
        return 0.0
    scheduler = scheduler or Scheduler(enable_fuzzing=False)
    return float(scheduler.get_card_retrievability(FsrsCard.from_dict(state), now))


def _states(store: Store) -> dict[tuple[str, str], dict]:
    """(kind, id) → {"state", "due"} for every item on the schedule (cards, and the
    exercises of :mod:`ladder.study.recall`, read here: recall imports this module)."""
    out = {("card", cid): r for cid, r in store.card_rows().items()}
    for eid, state, due in store.conn.execute("SELECT exercise_id, state, due FROM recall"):
        out[("exercise", eid)] = {"state": json.loads(state), "due": due}
    return out


def after_lapse(
    cur: Curriculum, store: Store, kind: str, item_id: str, at: datetime
) -> list[BroughtForward]:
    """Bring forward the reviews of what a lapsed item rests on (bounded; see the
    module's docstring). Returns what moved, for the learner to read."""
    from ladder.study.memory import scheduler_for

    reqs = prerequisites_of(cur, _item_concepts(cur, kind, item_id))
    if not reqs:
        return []
    states = _states(store)
    quiet_since = _iso(at - timedelta(hours=QUIET_HOURS))
    recent = {
        r[0]
        for r in store.conn.execute(
            "SELECT item FROM brought_forward WHERE at >= ?", (quiet_since,)
        )
    }
    scheduler = scheduler_for(store)
    candidates = []
    for concept in reqs:
        for key in items_of(cur, concept):
            row = states.get(key)
            if row is None or f"{key[0]}:{key[1]}" in recent or key == (kind, item_id):
                continue
            due = datetime.fromisoformat(row["due"])
            if due <= at:
                continue  # already due
            candidates.append((retrievability(row["state"], at, scheduler), concept, key, due))
    candidates.sort(key=lambda c: c[0])
    moved: list[BroughtForward] = []
    seen: set[tuple[str, str]] = set()
    with store.transaction() as c:
        for _r, concept, key, due in candidates:
            if key in seen:
                continue
            seen.add(key)
            table, column = ("cards", "card_id") if key[0] == "card" else ("recall", "exercise_id")
            state = dict(states[key]["state"], due=_iso(at))
            c.execute(
                f"UPDATE {table} SET due = ?, state = ? WHERE {column} = ?",  # noqa: S608
                (_iso(at), json.dumps(state), key[1]),
            )
            c.execute(
                "INSERT INTO brought_forward (at, item, because, concept, old_due, new_due) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (_iso(at), f"{key[0]}:{key[1]}", f"{kind}:{item_id}", concept, _iso(due), _iso(at)),
            )
            moved.append(BroughtForward(key[0], key[1], concept, item_id, due, at))
            if len(moved) >= MAX_BROUGHT_FORWARD:
                break
    return moved


def explain(cur: Curriculum, moved: list[BroughtForward]) -> str:
    """One sentence for the learner: what was brought forward and why."""
    if not moved:
        return ""
    titles = []
    for m in moved:
        title = cur.concepts[m.concept].title if m.concept in cur.concepts else m.concept
        if title not in titles:
            titles.append(title)
    n = len(moved)
    return (
        f"You missed {moved[0].because}, which rests on {'; '.join(titles)}: "
        f"{n} review{'s' if n != 1 else ''} of {'them' if len(titles) > 1 else 'it'} "
        f"{'are' if n != 1 else 'is'} brought forward to now "
        f"({', '.join(m.id for m in moved)})."
    )


@dataclass
class ConceptMastery:
    id: str
    title: str
    stage: str | None  # the stage of the first lesson teaching it
    items: int  # cards and exercises tagged with it
    reviewed: int  # of those, on the schedule
    mastery: float  # mean retrievability, unreviewed items counting 0

    def to_dict(self) -> dict:
        return dict(vars(self))


def mastery(cur: Curriculum, store: Store, now: datetime) -> list[ConceptMastery]:
    """Mastery per concept (see the module's docstring), in teaching order."""
    from ladder.study.memory import scheduler_for

    states = _states(store)
    scheduler = scheduler_for(store)
    recall_scheduler = scheduler_for(store, steps=False)
    out = []
    for concept in cur.concepts.values():
        items = items_of(cur, concept.id)
        total = 0.0
        reviewed = 0
        for key in items:
            row = states.get(key)
            if row is None:
                continue
            reviewed += 1
            s = scheduler if key[0] == "card" else recall_scheduler
            total += retrievability(row["state"], now, s)
        lessons = cur.lessons_teaching(concept.id)
        out.append(
            ConceptMastery(
                concept.id,
                concept.title,
                lessons[0].stage if lessons else None,
                len(items),
                reviewed,
                total / len(items) if items else 0.0,
            )
        )
    order = {s.id: n for n, s in enumerate(cur.stages)}
    out.sort(key=lambda m: order.get(m.stage or "", 99))
    return out


def coverage(cur: Curriculum) -> list[dict]:
    """Per stage, how much of the course carries concepts (``ladder dev check``): lessons,
    cards and exercises tagged (their own or their lesson's), and the concepts taught."""
    out = []
    for s in cur.stages:
        lessons = [cur.lessons[l] for l in s.lessons if l in cur.lessons]
        cards = [c for l in s.lessons for c in cur.cards_of(l) if c.deck == "course"]
        exercises = [e for l in s.lessons for e in cur.exercises_of(l)]
        concepts = {c for l in lessons for c in l.concepts}
        out.append(
            {
                "stage": s.id,
                "concepts": len(concepts),
                "lessons": f"{sum(1 for l in lessons if l.concepts)}/{len(lessons)}",
                "cards": f"{sum(1 for c in cards if cur.concepts_of(c))}/{len(cards)}",
                "exercises": f"{sum(1 for e in exercises if cur.concepts_of(e))}/{len(exercises)}",
                "own_tags": sum(1 for x in [*cards, *exercises] if x.concepts),
            }
        )
    return out
