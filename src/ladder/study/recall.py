"""Code recall: a passed exercise comes back on the FSRS schedule, to be written again.

Knowing how to write softmax on the day you passed it is not the same as writing it a
month later. So a passed exercise becomes a reviewable item, scheduled by FSRS like a
card (:mod:`ladder.study.memory`), but with no minute-scale learning steps: it comes
back after days. When it is due:

1. :func:`start_recall` moves the learner's file aside into
   ``.ladder/backups/recall/<id>-<time>.py`` (never lost) and puts the blank stub in its
   place; the hints start again from none.
2. The learner writes it again and checks it (``ladder check``, the Check button, or
   Enter in ``ladder review``); :func:`ladder.study.session.check` hands every verdict to
   :func:`after_check`. Failed checks are counted; the recall ends when a check passes
   (or the learner gives up, :func:`give_up`).
3. The rating comes from what happened (:func:`recall_rating`):

   ============================================================  ==========
   what happened                                                  rating
   ============================================================  ==========
   gave up, saw the solution, or used 2 hints or more              1 Again
   1 hint, or 3 failed checks or more, or slower than 30 minutes  2 Hard
   no hint, no failed check, within 5 minutes                     4 Easy
   anything else that passed (no hint, ≤ 2 failed, ≤ 30 minutes)  3 Good
   ============================================================  ==========

   The first pass of an exercise (when it joins the schedule) is rated the same way
   from its hints, its failed checks and whether the solution was seen, without the
   time (reading the lesson is part of it): Good at best.

An Again on an item seen before is a lapse: :func:`ladder.study.concepts.after_lapse`
brings forward the reviews of what it rests on.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ladder.curriculum import Curriculum, Exercise
from ladder.study.store import Store

if TYPE_CHECKING:
    from ladder.study.concepts import BroughtForward
    from ladder.study.grader import Verdict

__all__ = [
    "FAST_SECONDS",
    "SLOW_SECONDS",
    "DueExercise",
    "RecallResult",
    "recall_rating",
    "enroll",
    "rows",
    "due_exercises",
    "in_progress",
    "start_recall",
    "after_check",
    "give_up",
    "mixed_queue",
    "recall_logs",
]

FAST_SECONDS = 5 * 60.0  # written again this quickly, with no hint and no failed check: Easy
SLOW_SECONDS = 30 * 60.0  # slower than this: Hard
FAILED_FOR_HARD = 3  # failed checks before the pass that make it Hard


def _iso(t: datetime) -> str:
    return t.astimezone(UTC).isoformat(timespec="seconds")


def recall_rating(
    *,
    hints: int,
    failed: int,
    seconds: float | None,
    solution_seen: bool = False,
    gave_up: bool = False,
) -> int:
    """The FSRS rating (1 Again … 4 Easy) of writing an exercise again; the table in
    this module's docstring. ``seconds=None``: the time is not known (a first pass),
    so the best rating is Good."""
    if hints < 0 or failed < 0 or (seconds is not None and seconds < 0):
        raise ValueError(
            f"hints, failed and seconds must not be negative, not {hints}, {failed}, {seconds}"
        )
    if gave_up or solution_seen or hints >= 2:
        return 1
    if hints == 1 or failed >= FAILED_FOR_HARD or (seconds is not None and seconds > SLOW_SECONDS):
        return 2
    if seconds is not None and failed == 0 and seconds <= FAST_SECONDS:
        return 4
    return 3


@dataclass(frozen=True)
class DueExercise:
    """An exercise due to be written again (the review queue's twin of ``DueCard``)."""

    exercise: Exercise
    reps: int
    due: datetime
    started_at: datetime | None  # a recall in progress: when the stub was put back

    @property
    def is_new(self) -> bool:
        return False  # an exercise joins the schedule when it is passed, never as new

    @property
    def id(self) -> str:
        return self.exercise.id


@dataclass
class RecallResult:
    """How a recall ended: the rating, what it came from, and when it is due again."""

    exercise: str
    rating: int
    hints: int
    failed: int
    seconds: float | None
    due: datetime
    brought_forward: list[BroughtForward]
    first: bool = False  # the first pass: the exercise joined the schedule


def rows(store: Store) -> dict[str, dict]:
    """Every exercise on the schedule: FSRS state, due time, reviews, recall in progress."""
    out = {}
    for ex_id, state, due, reps, started, mark, backup, seen in store.conn.execute(
        "SELECT exercise_id, state, due, reps, started_at, attempt_mark, backup, solution_seen "
        "FROM recall"
    ):
        out[ex_id] = {
            "state": json.loads(state),
            "due": due,
            "reps": reps,
            "started_at": started,
            "attempt_mark": mark,
            "backup": backup,
            "solution_seen": bool(seen),
        }
    return out


def _review(store: Store, state: dict | None, rating: int, at: datetime) -> dict:
    from fsrs import Card as FsrsCard
    from fsrs import Rating

    from ladder.study.memory import scheduler_for

    card = FsrsCard.from_dict(state) if state else FsrsCard()
    new, _ = scheduler_for(store, steps=False).review_card(card, Rating(rating), review_datetime=at)
    return new.to_dict()


def _save(
    store: Store,
    ex_id: str,
    state: dict,
    rating: int,
    at: datetime,
    hints: int,
    failed: int,
    seconds: float | None,
    was_new: bool,
) -> None:
    with store.transaction() as c:
        c.execute(
            "INSERT INTO recall (exercise_id, state, due, reps) VALUES (?, ?, ?, 1) "
            "ON CONFLICT (exercise_id) DO UPDATE SET state = excluded.state, "
            "due = excluded.due, reps = recall.reps + 1, started_at = NULL, "
            "attempt_mark = NULL, solution_seen = 0",
            (ex_id, json.dumps(state), state["due"]),
        )
        c.execute(
            "INSERT INTO recall_logs (exercise_id, rating, reviewed_at, seconds, hints, failed, "
            "was_new) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (ex_id, rating, _iso(at), seconds, hints, failed, int(was_new)),
        )


def _failed_since(store: Store, ex_id: str, mark: int) -> int:
    return store.conn.execute(
        "SELECT COUNT(*) FROM attempts WHERE exercise_id = ? AND id > ? "
        "AND outcome IN ('incorrect', 'could_not_check')",
        (ex_id, mark),
    ).fetchone()[0]


def enroll(store: Store, ex: Exercise, at: datetime) -> RecallResult | None:
    """Put a just-passed exercise on the schedule (once), rated from how it was solved."""
    if ex.id in rows(store):
        return None
    attempts = store.attempts(ex.id)
    failed = sum(1 for a in attempts if a["outcome"] in ("incorrect", "could_not_check"))
    hints = max((a["hints_used"] for a in attempts), default=0)
    seen = bool(
        store.conn.execute(
            "SELECT 1 FROM solutions_seen WHERE exercise_id = ?", (ex.id,)
        ).fetchone()
    )
    rating = recall_rating(hints=hints, failed=failed, seconds=None, solution_seen=seen)
    state = _review(store, None, rating, at)
    _save(store, ex.id, state, rating, at, hints, failed, None, True)
    due = datetime.fromisoformat(state["due"])
    return RecallResult(ex.id, rating, hints, failed, None, due, [], first=True)


def due_exercises(cur: Curriculum, store: Store, now: datetime) -> list[DueExercise]:
    """Exercises due to be written again (a recall in progress counts as due), oldest
    due first."""
    out = []
    for ex_id, row in rows(store).items():
        ex = cur.exercises.get(ex_id)
        if ex is None:
            continue  # an exercise the course no longer has
        due = datetime.fromisoformat(row["due"])
        started = datetime.fromisoformat(row["started_at"]) if row["started_at"] else None
        if due <= now or started is not None:
            out.append(DueExercise(ex, row["reps"], due, started))
    out.sort(key=lambda d: d.due)
    return out


def in_progress(store: Store, ex_id: str) -> dict | None:
    row = rows(store).get(ex_id)
    return row if row and row["started_at"] else None


def start_recall(store: Store, ex: Exercise, path: Path, at: datetime) -> Path | None:
    """Begin writing ``ex`` again: the learner's file goes to ``.ladder/backups/recall/``
    (returned; None when there was no file), the blank stub takes its place, hints start
    from none. Starting one already in progress changes nothing and returns its backup."""
    from ladder.study.errors import Refused

    row = rows(store).get(ex.id)
    if row is None:
        raise Refused(
            f"{ex.id} is not on your review schedule yet: it joins when you pass it "
            "(`ladder check`)."
        )
    if row["started_at"]:
        return Path(row["backup"]) if row["backup"] else None
    backup = None
    if path.exists():
        folder = store.path.parent / "backups" / "recall"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = at.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
        backup = folder / f"{ex.id}-{stamp}.py"
        n = 1
        while backup.exists():  # two recalls in one second keep both files
            n += 1
            backup = folder / f"{ex.id}-{stamp}-{n}.py"
        shutil.copy2(path, backup)  # copy first: a crash here leaves the file where it was
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ex.stub_path, path)
    mark = store.conn.execute("SELECT COALESCE(MAX(id), 0) FROM attempts").fetchone()[0]
    with store.transaction() as c:
        c.execute(
            "UPDATE recall SET started_at = ?, attempt_mark = ?, backup = ?, solution_seen = 0 "
            "WHERE exercise_id = ?",
            (_iso(at), mark, str(backup) if backup else None, ex.id),
        )
        c.execute("DELETE FROM hints WHERE exercise_id = ?", (ex.id,))
    return backup


def note_solution_seen(store: Store, ex_id: str) -> None:
    """The reference was shown during a recall: it will be rated Again."""
    with store.transaction() as c:
        c.execute(
            "UPDATE recall SET solution_seen = 1 WHERE exercise_id = ? AND started_at IS NOT NULL",
            (ex_id,),
        )


def _finish(
    cur: Curriculum | None, store: Store, ex: Exercise, at: datetime, *, gave_up: bool
) -> RecallResult:
    from ladder.study.concepts import after_lapse

    row = rows(store)[ex.id]
    started = datetime.fromisoformat(row["started_at"])
    seconds = max(0.0, (at - started).total_seconds())
    hints = store.hints_shown(ex.id)
    failed = _failed_since(store, ex.id, row["attempt_mark"] or 0)
    rating = recall_rating(
        hints=hints,
        failed=failed,
        seconds=seconds,
        solution_seen=row["solution_seen"],
        gave_up=gave_up,
    )
    state = _review(store, row["state"], rating, at)
    _save(store, ex.id, state, rating, at, hints, failed, seconds, False)
    moved = []
    if rating == 1:
        if cur is None:
            from ladder.curriculum import load_curriculum

            cur = load_curriculum()
        moved = after_lapse(cur, store, "exercise", ex.id, at)
    return RecallResult(
        ex.id, rating, hints, failed, seconds, datetime.fromisoformat(state["due"]), moved
    )


def after_check(
    store: Store, ex: Exercise, verdict: Verdict, at: datetime, cur: Curriculum | None = None
) -> RecallResult | None:
    """Called with every recorded verdict: a first pass puts the exercise on the
    schedule; a pass during a recall ends it with its rating. Otherwise None."""
    if verdict.outcome != "passed":
        return None
    if in_progress(store, ex.id):
        return _finish(cur, store, ex, at, gave_up=False)
    if ex.id in rows(store):
        return None  # passed again outside a recall: the schedule stays
    return enroll(store, ex, at)


def give_up(cur: Curriculum, store: Store, ex: Exercise, at: datetime) -> RecallResult:
    """End a recall without a pass: rated Again; the file stays as it is (your earlier
    solution is in the backup)."""
    from ladder.study.errors import Refused

    if not in_progress(store, ex.id):
        raise Refused(f"You are not writing {ex.id} again right now; nothing to give up.")
    return _finish(cur, store, ex, at, gave_up=True)


def mixed_queue(cur: Curriculum, store: Store, now: datetime) -> list:
    """What ``ladder review`` and the review page go through: due cards and due
    exercises together, oldest due first, then today's new cards."""
    from ladder.study.memory import Memory

    cards = Memory(cur, store).queue(now)
    due = [c for c in cards if not c.is_new] + due_exercises(cur, store, now)
    due.sort(key=lambda d: d.due)
    return due + [c for c in cards if c.is_new]


def recall_logs(store: Store) -> list[dict]:
    keys = ("exercise_id", "rating", "reviewed_at", "seconds", "hints", "failed", "was_new")
    return [
        dict(zip(keys, r, strict=True))
        for r in store.conn.execute(
            "SELECT exercise_id, rating, reviewed_at, seconds, hints, failed, was_new "
            "FROM recall_logs ORDER BY id"
        )
    ]
