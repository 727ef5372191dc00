"""The study service: every rule the terminal and the browser share, in one place.

The CLI (``ladder.cli``) and the web app (``ladder.web``) parse what the learner asked
for, call a function here, and print or render what comes back; neither holds a rule of
its own. A learner-facing refusal (no attempt yet, a card whose lesson is unread, a
setting out of bounds) is a :class:`Refused` with one sentence.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ladder.curriculum import Card, Curriculum, Exercise
from ladder.study.errors import Invalid, Refused
from ladder.study.progress import (
    StageCounts,
    StageProgress,
    Step,
    next_step,
    roadmap,
    stage_counts,
)
from ladder.study.store import Health, Store, health

if TYPE_CHECKING:
    from ladder.study.grader import Verdict, WarmGrader

__all__ = [
    "Refused",
    "Invalid",
    "STATE_LABEL",
    "now",
    "StageCounts",
    "stage_counts",
    "Overview",
    "overview",
    "check",
    "check_errors",
    "ExerciseTask",
    "exercise_task",
    "file_token",
    "Saved",
    "save_exercise",
    "reveal_solution",
    "reveal_hint",
    "CardAnswer",
    "answer_card",
    "start_review",
    "card_sides",
    "interval_text",
    "intervals",
    "undo_last_review",
    "suspend_card",
    "edit_card",
    "session_summary",
    "Setting",
    "SETTINGS",
    "get_setting",
    "set_setting",
    "database_health",
]


STATE_LABEL = {
    "passed": "passed",
    "incorrect": "incorrect",
    "could_not_check": "could not check",
    "not_attempted": "not attempted",
    "not_started": "not started",
}


def now() -> datetime:
    """The time used for scheduling; ``LADDER_NOW`` (an ISO time) pretends, for tests
    and demonstrations."""
    fixed = os.environ.get("LADDER_NOW")
    return datetime.fromisoformat(fixed).astimezone(UTC) if fixed else datetime.now(UTC)


# -- the roadmap ---------------------------------------------------------------------------


@dataclass
class Overview:
    stages: list[StageProgress]
    step: Step | None  # None without a workspace: the next step is to make one


def overview(cur: Curriculum, store: Store | None, at: datetime | None = None) -> Overview:
    """The roadmap with progress and the one next step; with no workspace, the course
    with nothing done yet."""
    if store is not None:
        return Overview(roadmap(cur, store), next_step(cur, store, at or now()))
    counts = stage_counts(cur)
    stages = [
        StageProgress(
            number=s.number,
            id=s.id,
            title=s.title,
            summary=s.summary,
            goals=list(s.goals),
            lessons=counts[s.id].lessons,
            lessons_read=0,
            exercises=counts[s.id].exercises,
            exercises_passed=0,
            cards=counts[s.id].cards,
            labs=counts[s.id].labs,
            labs_done=0,
        )
        for s in cur.stages
    ]
    return Overview(stages, None)


# -- exercises -----------------------------------------------------------------------------


def check(
    store: Store,
    exercise: Exercise,
    path: Path,
    at: datetime | None = None,
    warm: WarmGrader | None = None,
) -> Verdict:
    """Grade the learner's file at ``path`` and record the attempt (a backup first:
    learner code is about to run). ``warm`` holds sandboxes prepared ahead of time.

    A pass puts the exercise on the review schedule, or ends a recall in progress
    (:mod:`ladder.study.recall`); what happened is in ``verdict.recall`` (a
    ``RecallResult``, or None)."""
    from ladder.study.grader import grade
    from ladder.study.recall import after_check

    store.backup_before()
    verdict = grade(exercise, path, warm=warm)
    when = at or now()
    store.record_attempt(exercise.id, verdict.outcome, verdict.to_dict(), verdict.seconds, when)
    verdict.recall = after_check(store, exercise, verdict, when)  # type: ignore[attr-defined]
    return verdict


def check_errors(verdict: Verdict) -> list[str | None]:
    """What to show under each check of ``verdict`` that raised an error, so a traceback
    is shown once, not once per check: the full message the first time; "the same error
    again" when it repeats; only its last line when the same code failed with another
    message (the traceback above it is the same); None for checks without an error, and
    for the error the verdict's reason already states."""
    shown: list[str | None] = []
    seen: set[str] = set()
    traces: set[str] = set()
    for c in verdict.checks:
        message = c.message.rstrip() if c.status == "error" else ""
        if not message.strip() or message == verdict.reason:
            shown.append(None)
            continue
        lines = message.splitlines()
        trace = "\n".join(lines[:-1])
        if message in seen:
            shown.append("the same error again")
        elif trace and trace in traces:
            shown.append(f"{lines[-1]} (the same traceback as above)")
        else:
            shown.append(message)
        seen.add(message)
        if trace:
            traces.add(trace)
    return shown


@dataclass(frozen=True)
class ExerciseTask:
    """What the exercise asks, from the course's stub (the learner may have edited their
    copy): its docstring, the signature to fill in, and the file's name."""

    text: str
    signature: str
    file: str


def _head(lines: list[str], node) -> list[str]:
    """The ``def``/``class`` line(s) of ``node``, decorators included, without its
    docstring or body."""
    import ast

    first = min((d.lineno - 1 for d in node.decorator_list), default=node.lineno - 1)
    body = node.body[0]
    end = body.lineno - 1
    if body.lineno == node.lineno:  # "def f(): ..." on one line
        return [lines[first]]
    if isinstance(body, ast.Expr) and isinstance(body.value, ast.Constant):
        end = body.lineno - 1
    return [l for l in lines[first:end] if not l.strip().startswith("#")]


def exercise_task(exercise: Exercise) -> ExerciseTask:
    """The task of ``exercise``: the stub's module docstring (without the closing line
    about ``ladder check``) and the ``def``/``class`` line of its entry point (for a
    class, with the methods the learner writes)."""
    import ast

    source = exercise.stub_path.read_text("utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    doc = ast.get_docstring(tree) or ""
    doc = "\n\n".join(
        part for part in doc.split("\n\n") if not part.lstrip().startswith("Run ``ladder check``")
    ).strip()
    head: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name == exercise.entry:
            head = _head(lines, node)
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name in exercise.writes:
                        head += _head(lines, item) + [""]
            break
    return ExerciseTask(doc, "\n".join(head).rstrip(), exercise.workspace_name)


def _token(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()[:32]


def file_token(path: Path) -> str:
    """A token that changes whenever the file at ``path`` does (the sha256 of its bytes;
    "missing" when there is none): the editor in the browser sends back the token of
    the version it loaded, so a save never overwrites a change made outside."""
    try:
        return _token(path.read_bytes())
    except (FileNotFoundError, IsADirectoryError):
        return "missing"


@dataclass(frozen=True)
class Saved:
    token: str  # the file's token now
    written: bool  # False: the text was the version the editor loaded; nothing to write


def save_exercise(exercise: Exercise, path: Path, text: str, token: str) -> Saved:
    """Write the learner's file from the browser's editor (the file ``ladder check``
    grades). ``token`` is :func:`file_token` of the version the editor loaded: a text
    still equal to that version is not written (so Check grades a file edited outside),
    and a file changed since then is never overwritten: that is refused."""
    import os
    import tempfile

    from ladder.study.grader import MAX_SOURCE_BYTES

    data = text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")
    current = file_token(path)
    if _token(data) in (token, current):  # not edited here, or already what the file holds
        return Saved(current, False)
    if len(data) > MAX_SOURCE_BYTES:
        raise Invalid(f"{exercise.workspace_name} can hold at most 1 MiB; nothing was saved.")
    if token != current:
        raise Refused(
            f"{exercise.workspace_name} was changed outside this page since you opened it "
            "(another editor saved it), so nothing was saved: reload the page to edit the "
            "new version, or save again to replace it with yours."
        )
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise Refused(f"{path} is not a regular file; `ladder reset {exercise.id}` restores it.")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Saved(file_token(path), True)


def reveal_solution(store: Store, exercise: Exercise, at: datetime | None = None) -> str:
    """The reference solution's source, once the learner has made an attempt."""
    import inspect

    from ladder.curriculum.validate import resolve

    if not any(a["outcome"] != "not_attempted" for a in store.attempts(exercise.id)):
        raise Refused(
            f"Make an attempt at {exercise.id} first: edit {exercise.workspace_name} "
            "and check it (`ladder check` or the Check button)."
        )
    from ladder.study.recall import note_solution_seen

    source = inspect.getsource(resolve(exercise.solution))
    store.mark_solution_seen(exercise.id, at or now())
    note_solution_seen(store, exercise.id)  # a recall in progress is then rated Again
    return source


def reveal_hint(store: Store, exercise: Exercise) -> tuple[list[str], bool]:
    """One more hint: the hints shown so far, and whether none was left to add."""
    before = store.hints_shown(exercise.id)
    shown = store.reveal_hint(exercise.id, len(exercise.hints))
    return exercise.hints[:shown], shown == before


# -- cards ---------------------------------------------------------------------------------


@dataclass
class CardAnswer:
    card: Card
    rating: int
    counted: bool  # False: this review had already been saved (a double submission)
    correct: bool | None = None  # for cards checked automatically
    feedback: str = ""
    # A lapse (Again on a card seen before) brings forward what the card rests on
    # (ladder.study.concepts.after_lapse); those moves, for the learner to read.
    brought_forward: list = field(default_factory=list)


def start_review(store: Store) -> None:
    """Before a review session: a backup, so its answers can be taken back."""
    store.backup_before()


def answer_card(
    cur: Curriculum,
    store: Store,
    card_id: str,
    reps: int,
    *,
    rating: int | None = None,
    typed: str | None = None,
    duration_ms: int | None = None,
    at: datetime | None = None,
) -> CardAnswer:
    """Answer one card as the learner saw it (after ``reps`` reviews). A numeric or
    choice card is checked and rated from correctness and time; the others take the
    learner's rating 1–4. The card must be unlocked (its lesson read)."""
    from ladder.study.memory import RATINGS, DueCard, Memory, auto_rating, check_answer

    card = cur.cards.get(card_id)
    if card is None:
        raise Refused(f"There is no card {card_id!r}.")
    if card.lesson not in store.read_lessons():
        raise Refused(f"The card {card_id} unlocks when you read its lesson {card.lesson}.")
    memory = Memory(cur, store)
    item = DueCard(card, reps, None)
    when = at or now()
    if card.auto_checked:
        if typed is None or not typed.strip():
            raise Invalid("Type an answer before submitting this card.")
        correct, feedback = check_answer(card, typed)
        rated = auto_rating(correct, (duration_ms or 0) / 1000)
        counted = memory.answer(
            item, rated, when, duration_ms=duration_ms, answer=typed, correct=correct
        )
        return CardAnswer(
            card, rated, counted, correct, feedback, _lapse(cur, store, item, rated, counted, when)
        )
    if rating not in RATINGS:
        raise Invalid(f"Rate the card 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not {rating!r}.")
    counted = memory.answer(item, rating, when, duration_ms=duration_ms)
    return CardAnswer(
        card, rating, counted, brought_forward=_lapse(cur, store, item, rating, counted, when)
    )


def _lapse(cur: Curriculum, store: Store, item, rating: int, counted: bool, at: datetime) -> list:
    """After Again on a card seen before: bring forward what it rests on."""
    if rating != 1 or not counted or item.is_new:
        return []
    from ladder.study.concepts import after_lapse

    return after_lapse(cur, store, "card", item.card.id, at)


def card_sides(cur: Curriculum, store: Store, card: Card) -> tuple[str, str]:
    """What the learner sees of a card: front and back, in their own wording where they
    edited it (a cloze card's front hides its answer)."""
    from ladder.study.memory import cloze_back, cloze_front

    front, back = (
        (cloze_front(card), cloze_back(card)) if card.kind == "cloze" else (card.front, card.back)
    )
    mine = store.card_texts().get(card.id)
    if mine:
        front, back = mine[0] or front, mine[1] or back
    return front, back


def interval_text(delta: timedelta) -> str:
    """An interval as a person says it: "10 min", "3 h", "4 d", "2 mo", "1.5 y"."""
    minutes = delta.total_seconds() / 60
    if minutes < 1:
        return "< 1 min"
    if minutes < 60:
        return f"{round(minutes)} min"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)} h"
    days = hours / 24
    if days < 31:
        return f"{round(days)} d"
    if days < 365:
        return f"{days / 30.44:.1f} mo".replace(".0 mo", " mo")
    return f"{days / 365.25:.1f} y".replace(".0 y", " y")


def intervals(cur: Curriculum, store: Store, card_id: str, at: datetime | None = None) -> dict:
    """For each rating 1–4, how long until the card comes back (as text)."""
    from ladder.study.memory import Memory

    when = at or now()
    return {
        r: interval_text(due - when) for r, due in Memory(cur, store).preview(card_id, when).items()
    }


def undo_last_review(store: Store) -> str:
    """Take back the newest answer; returns the card's id."""
    card = store.undo_last_review()
    if card is None:
        raise Refused("There is no answer to take back.")
    return card


def suspend_card(cur: Curriculum, store: Store, card_id: str, suspended: bool = True) -> None:
    """Keep a card out of reviews (or bring it back)."""
    if card_id not in cur.cards:
        raise Refused(f"There is no card {card_id!r}.")
    store.set_suspended(card_id, suspended)


def edit_card(cur: Curriculum, store: Store, card_id: str, front: str, back: str) -> None:
    """Reword a card for yourself (empty text: the course's wording again). A card
    checked automatically keeps its answer; only the wording changes."""
    if card_id not in cur.cards:
        raise Refused(f"There is no card {card_id!r}.")
    if len(front) > 4000 or len(back) > 4000:
        raise Invalid("A card's side holds at most 4,000 characters.")
    store.set_card_text(card_id, front.strip() or None, back.strip() or None)


def session_summary(store: Store, since: datetime) -> dict[str, int]:
    """How many answers of each rating since ``since`` (a session's start)."""
    from ladder.study.memory import RATINGS

    counts = {label: 0 for label in RATINGS.values()}
    for log in store.review_logs(since=since):
        counts[RATINGS[log["rating"]]] += 1
    return counts


# -- settings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Setting:
    key: str
    help: str
    default: int
    low: int
    high: int

    def parse(self, text: str) -> int:
        text = text.strip()
        if not text.lstrip("-").isdigit() or not self.low <= int(text) <= self.high:
            raise Invalid(
                f"{self.key} takes a whole number from {self.low} to {self.high}, not {text!r}."
            )
        return int(text)


def _settings() -> dict[str, Setting]:
    from ladder.study.memory import NEW_PER_DAY

    return {
        "new_per_day": Setting("new_per_day", "new cards a day", NEW_PER_DAY, 0, 1000),
        "papers_deck": Setting(
            "papers_deck", "review the cards of the lessons' papers (1) or not (0)", 1, 0, 1
        ),
    }


SETTINGS = _settings()


def _setting(key: str) -> Setting:
    if key not in SETTINGS:
        raise Refused(f"Unknown setting {key!r}; settings: {', '.join(SETTINGS)}.")
    return SETTINGS[key]


def get_setting(store: Store, key: str) -> int:
    s = _setting(key)
    saved = store.get_setting(key)
    try:
        return s.parse(saved) if saved is not None else s.default
    except Refused:
        return s.default  # a value written by hand outside Ladder


def set_setting(store: Store, key: str, text: str) -> int:
    value = _setting(key).parse(text)
    store.set_setting(key, str(value))
    return value


# -- health --------------------------------------------------------------------------------


def database_health(workspace_root: Path) -> Health:
    """Whether the workspace's progress database can be used (see :class:`Health`)."""
    return health(workspace_root / ".ladder" / "ladder.db")
