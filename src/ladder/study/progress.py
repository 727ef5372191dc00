"""Where the learner stands: the roadmap with progress, and the one next step.

The CLI's ``ladder``/``ladder map`` and the web app's roadmap page both call
:func:`roadmap` and :func:`next_step`; neither holds logic of its own.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime

from ladder.curriculum import Curriculum, Exercise
from ladder.study.memory import Memory
from ladder.study.store import Store

__all__ = [
    "StageCounts",
    "stage_counts",
    "StageProgress",
    "Step",
    "roadmap",
    "next_step",
    "current_exercise",
    "exercise_rows",
    "REVIEW_THRESHOLD",
]

REVIEW_THRESHOLD = 10  # due reviews come first once at least this many are waiting


@dataclass
class StageProgress:
    number: int
    id: str
    title: str
    summary: str
    goals: list[str]
    lessons: int
    lessons_read: int
    exercises: int
    exercises_passed: int
    cards: int
    labs: int
    labs_done: int

    @property
    def done(self) -> int:
        return self.lessons_read + self.exercises_passed + self.labs_done

    @property
    def total(self) -> int:
        return self.lessons + self.exercises + self.labs

    def to_dict(self) -> dict:
        return {**asdict(self), "done": self.done, "total": self.total}


@dataclass
class Step:
    kind: str  # "review", "learn", "exercise", "lab", "done"
    target: str | None
    command: str
    text: str
    counts: dict[str, int] = field(default_factory=dict)  # a review step's due, new, exercises


@dataclass(frozen=True)
class StageCounts:
    lessons: int
    cards: int
    exercises: int
    labs: int


def stage_counts(cur: Curriculum) -> dict[str, StageCounts]:
    """How much each stage holds."""
    return {
        s.id: StageCounts(
            lessons=len(s.lessons),
            cards=sum(len(cur.cards_of(l)) for l in s.lessons),
            exercises=sum(len(cur.exercises_of(l)) for l in s.lessons),
            labs=sum(len(cur.labs_of(l)) for l in s.lessons),
        )
        for s in cur.stages
    }


def roadmap(cur: Curriculum, store: Store) -> list[StageProgress]:
    read = store.read_lessons()
    states = store.exercise_states()
    labs_done = store.labs_done()
    counts = stage_counts(cur)
    out = []
    for s in cur.stages:
        exercises = [e for l in s.lessons for e in cur.exercises_of(l)]
        labs = [b for l in s.lessons for b in cur.labs_of(l)]
        out.append(
            StageProgress(
                number=s.number,
                id=s.id,
                title=s.title,
                summary=s.summary,
                goals=list(s.goals),
                lessons=len(s.lessons),
                lessons_read=sum(1 for l in s.lessons if l in read),
                exercises=len(exercises),
                exercises_passed=sum(1 for e in exercises if states.get(e.id) == "passed"),
                cards=counts[s.id].cards,
                labs=len(labs),
                labs_done=sum(1 for b in labs if b.id in labs_done),
            )
        )
    return out


def current_exercise(cur: Curriculum, store: Store) -> Exercise | None:
    """The first exercise not yet passed, preferring those of lessons already read."""
    states = store.exercise_states()
    read = store.read_lessons()
    pending = [e for e in cur.ordered_exercises() if states.get(e.id) != "passed"]
    for e in pending:
        if e.lesson in read:
            return e
    return pending[0] if pending else None


def exercise_rows(cur: Curriculum, store: Store) -> list[dict]:
    """Every exercise with its state, for ``ladder list`` and the web app."""
    states = store.exercise_states()
    current = current_exercise(cur, store)
    rows = []
    for e in cur.ordered_exercises():
        state = states.get(e.id, "not_started")
        rows.append(
            {
                "id": e.id,
                "stage": e.stage,
                "lesson": e.lesson,
                "title": e.title,
                "file": e.workspace_name,
                "state": state,
                "current": current is not None and e.id == current.id,
                "hints": len(e.hints),
                "hints_shown": store.hints_shown(e.id),
            }
        )
    return rows


def _reviews(cards: int, exercises: int) -> str:
    """ "12 cards", "12 cards and 1 exercise" """
    text = f"{cards} card{'s' if cards != 1 else ''}"
    if exercises:
        text += f" and {exercises} exercise{'s' if exercises != 1 else ''}"
    return text


def next_step(cur: Curriculum, store: Store, now: datetime) -> Step:
    from ladder.study.recall import due_exercises

    memory = Memory(cur, store)
    queue = memory.queue(now)
    due = sum(1 for d in queue if not d.is_new)
    exercises = len(due_exercises(cur, store, now))  # passed ones to write again
    if due + exercises >= REVIEW_THRESHOLD:
        what = _reviews(due, exercises)
        return Step(
            "review",
            None,
            "ladder review",
            f"{what} are due for review.",
            {"due": due, "exercises": exercises},
        )
    from ladder.study.placement import placed_lessons

    read = store.read_lessons()
    states = store.exercise_states()
    labs_done = store.labs_done()
    placed = placed_lessons(store)  # known from a placement test: no need to wait on them
    for lesson in cur.ordered_lessons():
        if lesson.id not in read:
            return Step(
                "learn",
                lesson.id,
                "ladder learn",
                f"Read the lesson “{lesson.title}” ({lesson.minutes} min).",
            )
        if lesson.id in placed:
            continue
        for e in cur.exercises_of(lesson.id):
            if states.get(e.id) != "passed":
                return Step(
                    "exercise",
                    e.id,
                    "ladder check",
                    f"Solve the exercise “{e.title}” in {e.workspace_name}.",
                )
        for lab in cur.labs_of(lesson.id):
            if lab.id not in labs_done:
                return Step("lab", lab.id, f"ladder run {lab.id}", f"Run the lab “{lab.title}”.")
    if queue or exercises:
        what = _reviews(len(queue), exercises)
        return Step(
            "review",
            None,
            "ladder review",
            f"{what} are waiting for review.",
            {"due": due, "new": len(queue) - due, "exercises": exercises},
        )
    return Step(
        "done",
        None,
        "ladder stats",
        "Everything available is done; come back when reviews are due.",
    )
