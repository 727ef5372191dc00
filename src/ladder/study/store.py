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

import json
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

__all__ = ["Store", "StoreCorrupt", "SCHEMA_VERSION", "MIGRATIONS", "restore", "backups"]

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
]
SCHEMA_VERSION = len(MIGRATIONS)
BACKUPS_KEPT = 5
BACKUP_EVERY = timedelta(minutes=10)


class StoreCorrupt(Exception):
    """The progress database cannot be used; the message says what to do."""


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(t: datetime) -> str:
    return t.astimezone(UTC).isoformat(timespec="seconds")


def backups(db_path: Path) -> list[Path]:
    """Backups of ``db_path``, newest first."""
    folder = db_path.parent / "backups"
    return sorted(folder.glob("ladder-*.db"), reverse=True)


def _health(path: Path) -> str | None:
    """None if ``path`` is a usable SQLite database, else the reason in a few words."""
    if not path.exists():
        return None
    if path.stat().st_size == 0:
        return "the file is empty"
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            return "the file is not a SQLite database"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("PRAGMA quick_check").fetchone()
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return f"SQLite says: {exc}"
    if row is None or row[0] != "ok":
        return f"SQLite's integrity check failed ({row[0] if row else 'no answer'})"
    if version > SCHEMA_VERSION:
        return (
            f"it was written by a newer Ladder (schema {version}, this one knows {SCHEMA_VERSION})"
        )
    return None


def restore(db_path: Path) -> Path | None:
    """Put the newest healthy backup in place of ``db_path``; return it (None: none found,
    so the next open starts an empty store). The damaged file is kept beside it."""
    stamp = _now().strftime("%Y%m%d-%H%M%S")
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(db_path) + suffix)
        if p.exists():
            p.replace(Path(f"{db_path}.damaged-{stamp}{suffix}"))
    for candidate in backups(db_path):
        if _health(candidate) is None:
            shutil.copy2(candidate, db_path)
            return candidate
    return None


class Store:
    """Progress of one learner. Open with :meth:`open`; all times are UTC."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    # -- opening, migrations, backups -------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, backup: bool = True) -> Store:
        problem = _health(path)
        if problem:
            kept = backups(path)
            taken = (
                datetime.fromtimestamp(kept[0].stat().st_mtime, UTC).strftime("%Y-%m-%d %H:%M UTC")
                if kept
                else ""
            )
            fix = (
                f"run `ladder restore` to bring back the backup of {taken}"
                if kept
                else "run `ladder restore` to set it aside and start a new one"
            )
            raise StoreCorrupt(f"The progress database {path} is damaged ({problem}): {fix}.")
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            store = cls(conn, path)
            store._migrate()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreCorrupt(
                f"The progress database {path} is damaged (SQLite says: {exc}): "
                "run `ladder restore`."
            ) from exc
        if backup:
            store.backup_if_due()
        return store

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``: writers queue instead of failing."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

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

    def backup(self) -> Path:
        folder = self.path.parent / "backups"
        folder.mkdir(exist_ok=True)
        target = folder / f"ladder-{_now().strftime('%Y%m%d-%H%M%S-%f')}.db"
        tmp = target.with_suffix(".part")
        dest = sqlite3.connect(tmp)
        try:
            self.conn.backup(dest)
        finally:
            dest.close()
        tmp.replace(target)
        for old in backups(self.path)[BACKUPS_KEPT:]:
            old.unlink(missing_ok=True)
        return target

    def backup_if_due(self) -> Path | None:
        kept = backups(self.path)
        if kept:
            age = _now() - datetime.fromtimestamp(kept[0].stat().st_mtime, UTC)
            if age < BACKUP_EVERY:
                return None
        if not self.conn.execute(
            "SELECT 1 FROM lessons_read UNION SELECT 1 FROM attempts "
            "UNION SELECT 1 FROM review_logs LIMIT 1"
        ).fetchone():
            return None  # nothing worth keeping yet
        return self.backup()

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
            row = c.execute("SELECT reps FROM cards WHERE card_id = ?", (card_id,)).fetchone()
            reps = row[0] if row else 0
            if reps != expected_reps:
                return False
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
                "(card_id, rating, reviewed_at, duration_ms, answer, correct, was_new) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    card_id,
                    rating,
                    _iso(now),
                    duration_ms,
                    answer,
                    None if correct is None else int(correct),
                    int(row is None),
                ),
            )
        return True

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
