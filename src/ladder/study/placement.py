"""Placement: a short adaptive test per stage, so a learner who knows it can skip it.

``ladder placement STAGE`` (and the placement page) walks the stage's lessons in
teaching order:

* a lesson whose prerequisite (in this stage) was judged unknown is unknown too, without
  a question — that is what keeps the test short for someone who knows little;
* otherwise up to :data:`CARDS_PER_LESSON` of its checked cards (numeric, choice) are
  asked; the first wrong answer makes the lesson unknown, all right makes it known. A
  lesson with no checked card asks one of its cards to rate yourself (did you know it?);
* last, one exercise confirms it: the first exercise of the latest lesson judged known,
  graded like any other. If it does not pass, that lesson (and what rests on it) is
  unknown after all.

:func:`apply_placement` then marks the known lessons read and schedules their cards as
remembered: those answered right in the test as Easy, the others as Good without the
minute-scale learning steps (so they come back in days, to confirm). Their exercises and
labs stay available but the next step no longer waits on them (:func:`placed_lessons`).
The test's state is the list of answers so far, so the web page can carry it in a form.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ladder.curriculum import Curriculum
from ladder.study.store import Store

__all__ = [
    "CARDS_PER_LESSON",
    "Question",
    "Placement",
    "PlacementResult",
    "apply_placement",
    "placed_lessons",
    "encode",
    "decode",
]

CARDS_PER_LESSON = 2


@dataclass(frozen=True)
class Question:
    kind: str  # "card" or "exercise"
    id: str
    lesson: str
    self_rated: bool = False  # a card the learner rates (knew it / did not)


@dataclass
class PlacementResult:
    stage: str
    known: list[str]  # lesson ids, teaching order
    unknown: list[str]
    answers: list[tuple[Question, bool]] = field(default_factory=list)

    @property
    def asked(self) -> int:
        return len(self.answers)


class Placement:
    """The test for ``stage``; ``answers`` replays earlier ones (a web form's history)."""

    def __init__(
        self, cur: Curriculum, stage: str, answers: list[tuple[Question, bool]] | None = None
    ) -> None:
        if stage not in {s.id for s in cur.stages}:
            from ladder.study.errors import Refused

            raise Refused(
                f"There is no stage {stage!r}; stages: {', '.join(s.id for s in cur.stages)}."
            )
        self.cur = cur
        self.stage = stage
        self.lessons = [l for l in cur.stage(stage).lessons if l in cur.lessons]
        self.answers: list[tuple[Question, bool]] = []
        self._verdict: dict[str, bool] = {}  # lesson → known
        self._confirmed = False
        for q, ok in answers or []:
            expected = self.next()
            if expected is None or (expected.kind, expected.id) != (q.kind, q.id):
                from ladder.study.errors import Invalid

                raise Invalid("That placement answer does not follow the test; start it again.")
            self.answer(ok)

    # -- the questions -----------------------------------------------------------------

    def _questions_of(self, lesson: str) -> list[Question]:
        cards = [c for c in self.cur.cards_of(lesson) if c.deck == "course"]
        checked = [c for c in cards if c.auto_checked][:CARDS_PER_LESSON]
        if checked:
            return [Question("card", c.id, lesson) for c in checked]
        return [Question("card", c.id, lesson, self_rated=True) for c in cards[:1]]

    def _blocked(self, lesson: str) -> bool:
        pre = self.cur.lessons[lesson].prerequisites
        return any(self._verdict.get(p) is False for p in pre if p in self.lessons)

    def _settle(self) -> None:
        """Decide every lesson the answers so far decide."""
        for lesson in self.lessons:
            if lesson in self._verdict:
                continue
            if self._blocked(lesson):
                self._verdict[lesson] = False
                continue
            asked = [(q, ok) for q, ok in self.answers if q.lesson == lesson and q.kind == "card"]
            wanted = self._questions_of(lesson)
            if any(not ok for _, ok in asked):
                self._verdict[lesson] = False
            elif len(asked) >= len(wanted):
                self._verdict[lesson] = True  # no card at all: nothing to ask, known
            else:
                return  # this lesson's next card is the next question

    def _confirming(self) -> str | None:
        known = [l for l in self.lessons if self._verdict.get(l)]
        with_exercise = [l for l in known if self.cur.exercises_of(l)]
        return with_exercise[-1] if with_exercise else None

    def next(self) -> Question | None:
        """The next question, or None when the test is over."""
        self._settle()
        for lesson in self.lessons:
            if lesson not in self._verdict:
                asked = {q.id for q, _ in self.answers}
                return next(q for q in self._questions_of(lesson) if q.id not in asked)
        if not self._confirmed:
            lesson = self._confirming()
            if lesson is not None:
                ex = self.cur.exercises_of(lesson)[0]
                return Question("exercise", ex.id, lesson)
        return None

    def answer(self, correct: bool) -> None:
        q = self.next()
        if q is None:
            raise ValueError("the placement test is over; there is no question to answer")
        self.answers.append((q, bool(correct)))
        if q.kind == "exercise":
            self._confirmed = True
            if not correct:
                self._demote(q.lesson)

    def _demote(self, lesson: str) -> None:
        self._verdict[lesson] = False
        changed = True
        while changed:  # and what rests on it
            changed = False
            for l in self.lessons:
                if self._verdict.get(l) and self._blocked(l):
                    self._verdict[l] = False
                    changed = True

    @property
    def done(self) -> bool:
        return self.next() is None

    def result(self) -> PlacementResult:
        self._settle()
        known = [l for l in self.lessons if self._verdict.get(l)]
        return PlacementResult(
            self.stage, known, [l for l in self.lessons if l not in known], list(self.answers)
        )


def encode(answers: list[tuple[Question, bool]]) -> str:
    """Answers as a short text for a form field: ``c:ml.x:1,e:ml.mse:0``."""
    return ",".join(f"{q.kind[0]}:{q.id}:{int(ok)}" for q, ok in answers)


def decode(cur: Curriculum, text: str) -> list[tuple[Question, bool]]:
    from ladder.study.errors import Invalid

    out = []
    for part in filter(None, (text or "").split(",")):
        kind, _, rest = part.partition(":")
        item, _, ok = rest.rpartition(":")
        if kind == "c" and item in cur.cards:
            q = Question("card", item, cur.cards[item].lesson)
        elif kind == "e" and item in cur.exercises:
            q = Question("exercise", item, cur.exercises[item].lesson)
        else:
            raise Invalid(f"The placement answer {part!r} is not one the test asked.")
        out.append((q, ok == "1"))
    return out


def apply_placement(
    cur: Curriculum, store: Store, result: PlacementResult, at: datetime
) -> dict[str, int]:
    """Mark the known lessons read and schedule their cards (see the module's
    docstring); cards already on the schedule keep theirs. Returns the counts."""
    from ladder.study.memory import DueCard, Memory, scheduler_for

    right = {q.id for q, ok in result.answers if ok and q.kind == "card"}
    memory = Memory(cur, store)
    days = Memory(cur, store, scheduler_for(store, steps=False))
    rows = store.card_rows()
    scheduled = 0
    for lesson in result.known:
        store.mark_read(lesson, at)
        for card in cur.cards_of(lesson):
            if card.deck != "course" or card.id in rows:
                continue
            item = DueCard(card, 0, None)
            if card.id in right:
                memory.answer(item, 4, at)
            else:
                days.answer(item, 3, at)
            scheduled += 1
    with store.transaction() as c:
        c.execute(
            "INSERT INTO placements (stage, at, known, answers) VALUES (?, ?, ?, ?)",
            (
                result.stage,
                at.astimezone(UTC).isoformat(timespec="seconds"),
                json.dumps(result.known),
                json.dumps([[q.kind, q.id, ok] for q, ok in result.answers]),
            ),
        )
    return {"lessons": len(result.known), "cards": scheduled}


def placed_lessons(store: Store) -> set[str]:
    """Lessons a placement test found known (the newest test of each stage counts)."""
    newest: dict[str, list[str]] = {}
    for stage, known in store.conn.execute("SELECT stage, known FROM placements ORDER BY id"):
        newest[stage] = json.loads(known)
    return {l for known in newest.values() for l in known}
