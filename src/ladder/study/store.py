"""The progress store: one SQLite file per workspace (``.ladder/ladder.db``).

* WAL journal, and every change in its own transaction: a process killed at any moment
  loses at most the answer being given.
* ``PRAGMA user_version`` holds the schema version; :data:`MIGRATIONS` brings an older
  file up to date in one transaction.
* A damaged file is detected on open and reported in one sentence (:class:`StoreCorrupt`);
  Ladder keeps rolling backups in ``.ladder/backups/`` and :func:`restore` brings back
  the newest good one, keeping the damaged file aside.

Plain SQL only, so the same statements run on PostgreSQL through SQLAlchemy (DESIGN §8).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

__all__ = [
    "Store",
    "StoreError",
    "StoreCorrupt",
    "StoreMissing",
    "StoreBusy",
    "StoreReadOnly",
    "StoreFull",
    "StoreIOError",
    "NothingToRestore",
    "Health",
    "health",
    "SCHEMA_VERSION",
    "MIGRATIONS",
    "restore",
    "backups",
]

MIGRATIONS: list[str] = [
    # version 1
    """
    CREATE TABLE lessons_read (
        lesson_id TEXT PRIMARY KEY,
        read_at TEXT NOT NULL
    );
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        exercise_id TEXT NOT NULL,
        at TEXT NOT NULL,
        outcome TEXT NOT NULL,
        hints_used INTEGER NOT NULL,
        seconds REAL,
        verdict TEXT
    );
    CREATE INDEX attempts_by_exercise ON attempts (exercise_id, id);
    CREATE TABLE hints (
        exercise_id TEXT PRIMARY KEY,
        shown INTEGER NOT NULL
    );
    CREATE TABLE solutions_seen (
        exercise_id TEXT PRIMARY KEY,
        at TEXT NOT NULL
    );
    CREATE TABLE cards (
        card_id TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        due TEXT NOT NULL,
        reps INTEGER NOT NULL,
        first_review TEXT NOT NULL
    );
    CREATE TABLE review_logs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        card_id TEXT NOT NULL,
        rating INTEGER NOT NULL,
        reviewed_at TEXT NOT NULL,
        duration_ms INTEGER,
        answer TEXT,
        correct INTEGER,
        was_new INTEGER NOT NULL
    );
    CREATE INDEX review_logs_by_time ON review_logs (reviewed_at);
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE lab_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lab_id TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL,
        out_dir TEXT
    );
    """,
    # version 2: undo (a review keeps the card's row from before it), suspended cards and
    # the learner's own wording of a card
    """
    ALTER TABLE review_logs ADD COLUMN previous TEXT;
    CREATE TABLE card_flags (
        card_id TEXT PRIMARY KEY,
        suspended INTEGER NOT NULL DEFAULT 0,
        front TEXT,
        back TEXT
    );
    """,
    # version 3: the learning engine (ladder.study.recall, concepts, placement, papers):
    # passed exercises on the FSRS schedule and their reviews, reviews brought forward
    # after a lapse, placement tests, imported papers and what was read
    """
    CREATE TABLE recall (
        exercise_id TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        due TEXT NOT NULL,
        reps INTEGER NOT NULL,
        started_at TEXT,
        attempt_mark INTEGER,
        backup TEXT,
        solution_seen INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE recall_logs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        exercise_id TEXT NOT NULL,
        rating INTEGER NOT NULL,
        reviewed_at TEXT NOT NULL,
        seconds REAL,
        hints INTEGER NOT NULL,
        failed INTEGER NOT NULL,
        was_new INTEGER NOT NULL
    );
    CREATE TABLE brought_forward (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        item TEXT NOT NULL,
        because TEXT NOT NULL,
        concept TEXT NOT NULL,
        old_due TEXT NOT NULL,
        new_due TEXT NOT NULL
    );
    CREATE TABLE placements (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        stage TEXT NOT NULL,
        at TEXT NOT NULL,
        known TEXT NOT NULL,
        answers TEXT NOT NULL
    );
    CREATE TABLE papers (
        key TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        link TEXT,
        published TEXT,
        summary TEXT,
        concepts TEXT NOT NULL,
        stages TEXT NOT NULL,
        import_id INTEGER NOT NULL
    );
    CREATE TABLE paper_imports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        source TEXT NOT NULL,
        entries INTEGER NOT NULL,
        new INTEGER NOT NULL
    );
    CREATE TABLE papers_read (
        key TEXT PRIMARY KEY,
        at TEXT NOT NULL
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
BACKUPS_KEPT = 10
BACKUP_EVERY = timedelta(minutes=10)


class StoreError(Exception):
    """The progress database cannot be used right now; the message says why and what to
    do, in one sentence."""


class StoreCorrupt(StoreError):
    """The file is damaged (or written by a newer Ladder): ``ladder restore`` helps."""


class StoreMissing(StoreError):
    """The database is gone although progress was kept here: ``ladder restore`` helps."""


class StoreBusy(StoreError):
    """Another program holds a lock on the database."""


class StoreReadOnly(StoreError):
    """The database or its folder cannot be written."""


class StoreFull(StoreError):
    """The disk is full."""


class StoreIOError(StoreError):
    """The operating system could not read or write the file."""


@dataclass(frozen=True)
class Health:
    """What :func:`health` finds. ``state``: ok, new (nothing here yet), missing,
    corrupt, newer, busy, readonly, full, io."""

    state: str
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.state in ("ok", "new")

    @property
    def restorable(self) -> bool:
        """Only a database proven damaged or gone may be replaced by a backup."""
        return self.state in ("missing", "corrupt")


_REMEDY = {
    "busy": "another program is using it (a database browser, a second `ladder serve`?): "
    "close it and try again; nothing was lost",
    "readonly": "Ladder cannot write there: make the workspace writable "
    "(check the folder's permissions and that its disk is not mounted read-only)",
    "full": "the disk is full: free some space and try again; nothing was lost",
    "io": "the operating system reported an input/output error: check the disk, then run "
    "`ladder doctor`",
}


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(t: datetime) -> str:
    return t.astimezone(UTC).isoformat(timespec="seconds")


def backups(db_path: Path) -> list[Path]:
    """Backups of ``db_path``, newest first."""
    folder = db_path.parent / "backups"
    return sorted(folder.glob("ladder-*.db"), reverse=True)


def _marker(db_path: Path) -> Path:
    """Written when the database is created: its absence later means it was lost."""
    return db_path.parent / "progress.json"


def _state_of(exc: BaseException) -> str:
    """The kind of trouble an SQLite or OS error reports."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        text = str(exc).lower()
        if primary in (5, 6) or "locked" in text or "busy" in text:
            return "busy"
        if primary == 8 or "readonly" in text or "read-only" in text:
            return "readonly"
        if primary == 13 or "full" in text:
            return "full"
        if primary == 10 or "disk i/o" in text:
            return "io"
        if primary == 14 or "unable to open" in text:
            return "readonly"
        return "corrupt"
    if isinstance(exc, OSError):
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return "readonly"
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return "full"
        return "io"
    return "corrupt"


def _problem(state: str, path: Path, reason: str = "") -> StoreError:
    """The error (and its one sentence) for a database in ``state``."""
    where = f"The progress database {path}"
    if state in _REMEDY:
        cls = {"busy": StoreBusy, "readonly": StoreReadOnly, "full": StoreFull}.get(
            state, StoreIOError
        )
        detail = f" ({reason})" if reason else ""
        return cls(f"{where} cannot be used{detail}: {_REMEDY[state]}.")
    kept = backups(path)
    taken = (
        datetime.fromtimestamp(kept[0].stat().st_mtime, UTC).strftime("%Y-%m-%d %H:%M UTC")
        if kept
        else ""
    )
    if state == "missing":
        fix = (
            f"run `ladder restore` to bring back the backup of {taken}"
            if kept
            else "no backup is left; `ladder restore` starts a new, empty one"
        )
        return StoreMissing(f"{where} is missing although progress was kept here: {fix}.")
    if state == "newer":
        return StoreCorrupt(f"{where} {reason}: update Ladder (pip install -U llm-ladder).")
    fix = (
        f"run `ladder restore` to bring back the backup of {taken}"
        if kept
        else "run `ladder restore` to set it aside and start a new one"
    )
    return StoreCorrupt(f"{where} is damaged ({reason}): {fix}.")


def health(path: Path) -> Health:
    """Look at the database without changing it (no journal files are created)."""
    if not path.exists():
        if _marker(path).exists() or backups(path):
            return Health("missing", "the file is gone")
        return Health("new")
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        return Health(_state_of(exc), exc.strerror or str(exc))
    if size == 0:
        return Health("corrupt", "the file is empty")
    if head != b"SQLite format 3\x00":
        return Health("corrupt", "the file is not a SQLite database")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            row = conn.execute("PRAGMA quick_check").fetchone()
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return Health(_state_of(exc), f"SQLite says: {exc}")
    if row is None or row[0] != "ok":
        return Health(
            "corrupt", f"SQLite's integrity check failed ({row[0] if row else 'no answer'})"
        )
    if version > SCHEMA_VERSION:
        return Health(
            "newer",
            f"was written by a newer Ladder (schema {version}, this one knows {SCHEMA_VERSION})",
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return Health("readonly", "the file or its folder is read-only")
    return Health("ok")


def _health(path: Path) -> str | None:
    """Kept for callers that want a few words: None if usable, else the reason."""
    h = health(path)
    return None if h.ok else (h.reason or h.state)


def _backup_is_healthy(path: Path) -> bool:
    try:
        # immutable=1: reading a backup never creates -wal/-shm files beside it
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        try:
            row = conn.execute("PRAGMA quick_check").fetchone()
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == "ok" and version <= SCHEMA_VERSION


class NothingToRestore(StoreError):
    """``ladder restore`` found a healthy (or busy, or read-only) database: it is left alone."""


def restore(db_path: Path) -> Path | None:
    """Put the newest healthy backup in place of a database that is proven damaged or
    missing; return the backup used (None: none was found, so the next open starts an
    empty store). The replaced file is kept beside it. Anything else is refused."""
    h = health(db_path)
    if h.state == "ok":
        raise NothingToRestore("The progress database is healthy; there is nothing to restore.")
    if h.state == "new":
        raise NothingToRestore("There is no progress database here yet; nothing to restore.")
    if not h.restorable:
        raise _problem(h.state, db_path, h.reason)
    stamp = _now().strftime("%Y%m%d-%H%M%S")
    try:
        for suffix in ("", "-wal", "-shm"):
            p = Path(str(db_path) + suffix)
            if p.exists():
                p.replace(Path(f"{db_path}.damaged-{stamp}{suffix}"))
        for candidate in backups(db_path):
            if _backup_is_healthy(candidate):
                tmp = db_path.with_suffix(".restoring")
                shutil.copy2(candidate, tmp)
                tmp.replace(db_path)
                return candidate
    except OSError as exc:
        raise _problem(_state_of(exc), db_path, exc.strerror or "") from exc
    return None


class Store:
    """Progress of one learner. Open with :meth:`open`; all times are UTC."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    # -- opening, migrations, backups -------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, backup: bool = True, fresh: bool = False) -> Store:
        """Open (or create) the database at ``path``. ``fresh=True`` allows creating a
        new one where an earlier one went missing (``ladder restore`` without backups)."""
        h = health(path)
        if h.state == "missing" and fresh:
            h = Health("new")
        if not h.ok:
            raise _problem(h.state, path, h.reason)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, timeout=5, check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise _problem(_state_of(exc), path, str(exc)) from exc
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            store = cls(conn, path)
            store._migrate()
        except sqlite3.Error as exc:
            conn.close()
            state = _state_of(exc)
            raise _problem(state, path, f"SQLite says: {exc}") from exc
        if h.state == "new":
            with contextlib.suppress(OSError):
                _marker(path).write_text(json.dumps({"created": _iso(_now())}) + "\n", "utf-8")
        if backup:
            store.backup_if_due()
        return store

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``: writers queue instead of failing. A lock held
        past the busy timeout, a read-only file, a full disk or an I/O error becomes a
        :class:`StoreError` with one sentence; what was committed before stays."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _problem(_state_of(exc), self.path, f"SQLite says: {exc}") from exc
        try:
            yield self.conn
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise _problem(_state_of(exc), self.path, f"SQLite says: {exc}") from exc
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise _problem(_state_of(exc), self.path, f"SQLite says: {exc}") from exc

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        with self.transaction() as c:
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        c.execute(statement)
            c.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def has_progress(self) -> bool:
        return bool(
            self.conn.execute(
                "SELECT 1 FROM lessons_read UNION SELECT 1 FROM attempts "
                "UNION SELECT 1 FROM review_logs LIMIT 1"
            ).fetchone()
        )

    def backup(self) -> Path:
        """A consistent copy in ``backups/`` (a rollback-journal file: opening it later
        leaves no -wal/-shm beside it); the oldest beyond :data:`BACKUPS_KEPT` go."""
        folder = self.path.parent / "backups"
        try:
            folder.mkdir(exist_ok=True)
            target = folder / f"ladder-{_now().strftime('%Y%m%d-%H%M%S-%f')}.db"
            tmp = target.with_suffix(".part")
            dest = sqlite3.connect(tmp)
            try:
                self.conn.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()
            tmp.replace(target)
            for old in backups(self.path)[BACKUPS_KEPT:]:
                old.unlink(missing_ok=True)
            for stray in [*folder.glob("*-wal"), *folder.glob("*-shm"), *folder.glob("*-journal")]:
                stray.unlink(missing_ok=True)
        except (OSError, sqlite3.Error) as exc:
            raise _problem(_state_of(exc), self.path, str(exc)) from exc
        return target

    def backup_if_due(self) -> Path | None:
        kept = backups(self.path)
        if kept:
            age = _now() - datetime.fromtimestamp(kept[0].stat().st_mtime, UTC)
            if age < BACKUP_EVERY:
                return None
        if not self.has_progress():
            return None  # nothing worth keeping yet
        return self.backup()

    def backup_before(self) -> Path | None:
        """A backup before something that runs learner code or a review session, if
        there is progress to keep (so the newest backup is never older than it)."""
        return self.backup() if self.has_progress() else None

    # -- lessons -----------------------------------------------------------------------

    def mark_read(self, lesson_id: str, now: datetime | None = None) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT OR IGNORE INTO lessons_read VALUES (?, ?)", (lesson_id, _iso(now or _now()))
            )

    def read_lessons(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT lesson_id, read_at FROM lessons_read"))

    # -- exercises ---------------------------------------------------------------------

    def record_attempt(
        self,
        exercise_id: str,
        outcome: str,
        verdict: dict[str, Any] | None = None,
        seconds: float | None = None,
        now: datetime | None = None,
    ) -> None:
        with self.transaction() as c:
            hints = c.execute(
                "SELECT shown FROM hints WHERE exercise_id = ?", (exercise_id,)
            ).fetchone()
            c.execute(
                "INSERT INTO attempts (exercise_id, at, outcome, hints_used, seconds, verdict) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    exercise_id,
                    _iso(now or _now()),
                    outcome,
                    hints[0] if hints else 0,
                    seconds,
                    json.dumps(verdict) if verdict is not None else None,
                ),
            )

    def exercise_states(self) -> dict[str, str]:
        """``passed`` if any attempt passed, else the latest outcome, per exercise."""
        out: dict[str, str] = {}
        for ex, outcome in self.conn.execute(
            "SELECT exercise_id, outcome FROM attempts ORDER BY id"
        ):
            if out.get(ex) != "passed":
                out[ex] = outcome
        return out

    def attempts(self, exercise_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT at, outcome, hints_used, seconds FROM attempts "
            "WHERE exercise_id = ? ORDER BY id",
            (exercise_id,),
        )
        return [dict(zip(("at", "outcome", "hints_used", "seconds"), r, strict=True)) for r in rows]

    def last_verdict(self, exercise_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT verdict FROM attempts WHERE exercise_id = ? AND verdict IS NOT NULL "
            "ORDER BY id DESC LIMIT 1",
            (exercise_id,),
        ).fetchone()
        return json.loads(row[0]) if row else None

    def hints_shown(self, exercise_id: str) -> int:
        row = self.conn.execute(
            "SELECT shown FROM hints WHERE exercise_id = ?", (exercise_id,)
        ).fetchone()
        return row[0] if row else 0

    def reveal_hint(self, exercise_id: str, available: int) -> int:
        """Reveal one more hint (up to ``available``); return how many are now shown."""
        with self.transaction() as c:
            shown = min(self.hints_shown(exercise_id) + 1, available)
            c.execute(
                "INSERT INTO hints VALUES (?, ?) ON CONFLICT (exercise_id) DO UPDATE SET shown = ?",
                (exercise_id, shown, shown),
            )
        return shown

    def mark_solution_seen(self, exercise_id: str, now: datetime | None = None) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT OR IGNORE INTO solutions_seen VALUES (?, ?)",
                (exercise_id, _iso(now or _now())),
            )

    # -- cards and reviews -------------------------------------------------------------

    def card_rows(self) -> dict[str, dict[str, Any]]:
        rows = self.conn.execute("SELECT card_id, state, due, reps FROM cards")
        return {
            cid: {"state": json.loads(s), "due": due, "reps": reps} for cid, s, due, reps in rows
        }

    def save_review(
        self,
        card_id: str,
        expected_reps: int,
        state: dict[str, Any],
        due: datetime,
        rating: int,
        now: datetime,
        duration_ms: int | None = None,
        answer: str | None = None,
        correct: bool | None = None,
    ) -> bool:
        """Store one review atomically. ``expected_reps`` is the number of reviews the
        caller saw; if another review was saved meanwhile, nothing is written and False
        is returned (so a double submission counts once)."""
        with self.transaction() as c:
            row = c.execute(
                "SELECT reps, state, due, first_review FROM cards WHERE card_id = ?", (card_id,)
            ).fetchone()
            reps = row[0] if row else 0
            if reps != expected_reps:
                return False
            previous = (
                json.dumps({"reps": row[0], "state": row[1], "due": row[2], "first": row[3]})
                if row
                else None
            )
            if row:
                c.execute(
                    "UPDATE cards SET state = ?, due = ?, reps = ? WHERE card_id = ?",
                    (json.dumps(state), _iso(due), reps + 1, card_id),
                )
            else:
                c.execute(
                    "INSERT INTO cards VALUES (?, ?, ?, 1, ?)",
                    (card_id, json.dumps(state), _iso(due), _iso(now)),
                )
            c.execute(
                "INSERT INTO review_logs "
                "(card_id, rating, reviewed_at, duration_ms, answer, correct, was_new, previous) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    card_id,
                    rating,
                    _iso(now),
                    duration_ms,
                    answer,
                    None if correct is None else int(correct),
                    int(row is None),
                    previous,
                ),
            )
        return True

    def undo_last_review(self) -> str | None:
        """Take back the newest review: the card returns to its state before it. Returns
        the card's id, or None when there is nothing to undo."""
        with self.transaction() as c:
            last = c.execute(
                "SELECT id, card_id, previous, was_new FROM review_logs ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if last is None:
                return None
            log_id, card_id, previous, was_new = last
            if previous is None and not was_new:
                return None  # written before undo existed: its earlier state is unknown
            if previous is None:
                c.execute("DELETE FROM cards WHERE card_id = ?", (card_id,))
            else:
                before = json.loads(previous)
                c.execute(
                    "UPDATE cards SET state = ?, due = ?, reps = ?, first_review = ? "
                    "WHERE card_id = ?",
                    (before["state"], before["due"], before["reps"], before["first"], card_id),
                )
            c.execute("DELETE FROM review_logs WHERE id = ?", (log_id,))
        return card_id

    def set_suspended(self, card_id: str, suspended: bool) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO card_flags (card_id, suspended) VALUES (?, ?) "
                "ON CONFLICT (card_id) DO UPDATE SET suspended = ?",
                (card_id, int(suspended), int(suspended)),
            )

    def suspended_cards(self) -> set[str]:
        return {
            r[0] for r in self.conn.execute("SELECT card_id FROM card_flags WHERE suspended = 1")
        }

    def set_card_text(self, card_id: str, front: str | None, back: str | None) -> None:
        """The learner's own wording of a card (None: the course's)."""
        with self.transaction() as c:
            c.execute(
                "INSERT INTO card_flags (card_id, front, back) VALUES (?, ?, ?) "
                "ON CONFLICT (card_id) DO UPDATE SET front = ?, back = ?",
                (card_id, front, back, front, back),
            )

    def card_texts(self) -> dict[str, tuple[str | None, str | None]]:
        rows = self.conn.execute(
            "SELECT card_id, front, back FROM card_flags "
            "WHERE front IS NOT NULL OR back IS NOT NULL"
        )
        return {cid: (front, back) for cid, front, back in rows}

    def review_logs(self, since: datetime | None = None) -> list[dict[str, Any]]:
        query = (
            "SELECT card_id, rating, reviewed_at, duration_ms, correct, was_new FROM review_logs"
        )
        args: tuple = ()
        if since is not None:
            query += " WHERE reviewed_at >= ?"
            args = (_iso(since),)
        keys = ("card_id", "rating", "reviewed_at", "duration_ms", "correct", "was_new")
        return [
            dict(zip(keys, r, strict=True)) for r in self.conn.execute(query + " ORDER BY id", args)
        ]

    # -- settings and labs -------------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO settings VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
                (key, value, value),
            )

    def record_lab(
        self, lab_id: str, status: str, out_dir: str, started: datetime, finished: datetime | None
    ) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO lab_runs (lab_id, started_at, finished_at, status, out_dir) "
                "VALUES (?, ?, ?, ?, ?)",
                (lab_id, _iso(started), _iso(finished) if finished else None, status, out_dir),
            )

    def labs_done(self) -> set[str]:
        return {
            r[0] for r in self.conn.execute("SELECT lab_id FROM lab_runs WHERE status = 'done'")
        }
