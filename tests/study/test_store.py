"""The progress store: migrations, atomic writes, corruption and restore."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime

import pytest

from ladder.study import store as store_mod
from ladder.study.store import SCHEMA_VERSION, Store, StoreCorrupt, backups, restore

NOW = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


def test_new_store_has_the_current_schema_and_wal(tmp_path):
    s = Store.open(tmp_path / "ladder.db")
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    s.close()


def test_migration_from_an_older_version(tmp_path, monkeypatch):
    db = tmp_path / "ladder.db"
    Store.open(db).close()  # version 1
    added = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"
    monkeypatch.setattr(store_mod, "MIGRATIONS", [*store_mod.MIGRATIONS, added])
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    s = Store.open(db)
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    s.conn.execute("INSERT INTO notes (text) VALUES ('ok')")
    s.close()


def test_progress_round_trip(tmp_path):
    s = Store.open(tmp_path / "ladder.db")
    s.mark_read("ml.linear-regression", NOW)
    s.record_attempt("ml.mse", "incorrect", {"x": 1}, 0.2, NOW)
    s.record_attempt("ml.mse", "passed", None, 0.2, NOW)
    s.record_attempt("ml.mse", "incorrect", None, 0.2, NOW)  # passed once stays passed
    assert s.reveal_hint("ml.mse", 3) == 1 and s.reveal_hint("ml.mse", 3) == 2
    assert s.reveal_hint("ml.r2", 1) == 1 and s.reveal_hint("ml.r2", 1) == 1
    s.close()
    s = Store.open(tmp_path / "ladder.db")
    assert list(s.read_lessons()) == ["ml.linear-regression"]
    assert s.exercise_states() == {"ml.mse": "passed"}
    assert s.last_verdict("ml.mse") == {"x": 1}
    assert s.attempts("ml.mse")[1]["hints_used"] == 0
    s.close()


def test_a_review_is_counted_once(tmp_path):
    s = Store.open(tmp_path / "ladder.db")
    assert s.save_review("c1", 0, {"a": 1}, NOW, 3, NOW)
    assert not s.save_review("c1", 0, {"a": 2}, NOW, 3, NOW)  # stale: someone else saved first
    assert len(s.review_logs()) == 1 and s.card_rows()["c1"]["reps"] == 1
    s.close()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_damaged_database_is_reported_in_one_sentence_and_restorable(tmp_path, damage):
    db = tmp_path / "ladder.db"
    s = Store.open(db)
    for i in range(200):
        s.mark_read(f"ml.lesson-{i}", NOW)
    s.backup()
    s.mark_read("ml.after-backup", NOW)
    s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    data = db.read_bytes()
    if damage == "garbage":
        db.write_bytes(b"this is not a database" * 100)
    elif damage == "truncated":
        db.write_bytes(data[: len(data) // 3])
    else:
        db.write_bytes(b"")
    with pytest.raises(StoreCorrupt) as err:
        Store.open(db)
    message = str(err.value)
    assert message.count(".") >= 1 and "\n" not in message
    assert "damaged" in message and "ladder restore" in message
    used = restore(db)
    assert used is not None
    s = Store.open(db)
    assert len(s.read_lessons()) == 200  # everything up to the backup is back
    s.close()
    assert list(tmp_path.glob("ladder.db.damaged-*"))  # the damaged file is kept


def test_restore_without_backup_starts_fresh(tmp_path):
    db = tmp_path / "ladder.db"
    db.write_bytes(b"garbage" * 10)
    assert restore(db) is None
    Store.open(db).close()


def test_backups_are_rotated(tmp_path):
    s = Store.open(tmp_path / "ladder.db")
    s.mark_read("ml.a", NOW)
    for _ in range(store_mod.BACKUPS_KEPT + 3):
        s.backup()
    assert len(backups(s.path)) == store_mod.BACKUPS_KEPT
    s.close()


WRITER = textwrap.dedent("""
    import sys
    from datetime import datetime, UTC
    from ladder.study.store import Store
    s = Store.open(__import__("pathlib").Path(sys.argv[1]), backup=False)
    now = datetime(2026, 1, 5, tzinfo=UTC)
    i = 0
    while True:
        s.save_review(f"card-{i}", 0, {"n": i}, now, 3, now)
        s.record_attempt(f"ex-{i}", "passed", {"n": i}, 0.1, now)
        print(i, flush=True)
        i += 1
""")


def test_kill_9_during_writes_loses_nothing_committed(tmp_path):
    db = tmp_path / "ladder.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True
    )
    committed = -1
    deadline = time.monotonic() + 300  # bounds a hang only: 50 commits take about a second
    while committed < 50:
        assert time.monotonic() < deadline, f"only {committed + 1} commits in 300 s"
        line = proc.stdout.readline()
        assert line, f"the writer exited after {committed + 1} commits (code {proc.wait()})"
        committed = int(line)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    s = Store.open(db)
    cards = s.card_rows()
    assert all(f"card-{i}" in cards for i in range(committed + 1))
    assert all(s.exercise_states().get(f"ex-{i}") == "passed" for i in range(committed + 1))
    assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    s.close()


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "ladder.db"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreCorrupt, match="newer Ladder"):
        Store.open(db)


# -- progress is never lost: missing, locked, read-only, full ----------------------------

from ladder.study.store import (  # noqa: E402
    NothingToRestore,
    StoreBusy,
    StoreMissing,
    health,
)


def _with_progress(db):
    s = Store.open(db)
    for i in range(50):
        s.save_review(f"card-{i}", 0, {"n": i}, NOW, 3, NOW)
    s.backup()
    s.close()


def test_a_deleted_database_is_reported_and_restored(tmp_path):
    db = tmp_path / ".ladder" / "ladder.db"
    _with_progress(db)
    for p in tmp_path.glob(".ladder/ladder.db*"):
        p.unlink()
    assert health(db).state == "missing"
    with pytest.raises(StoreMissing) as err:
        Store.open(db)
    assert "missing" in str(err.value) and "ladder restore" in str(err.value)
    assert "\n" not in str(err.value)
    assert restore(db) is not None
    s = Store.open(db)
    assert len(s.review_logs()) == 50
    s.close()


def test_deleted_database_and_backups_are_still_noticed(tmp_path):
    db = tmp_path / ".ladder" / "ladder.db"
    _with_progress(db)
    for p in [*tmp_path.glob(".ladder/ladder.db*"), *tmp_path.glob(".ladder/backups/*")]:
        p.unlink()
    with pytest.raises(StoreMissing, match="no backup is left"):
        Store.open(db)
    assert restore(db) is None  # nothing to bring back: a new store may start
    Store.open(db, fresh=True).close()


def test_restore_refuses_a_healthy_database(tmp_path):
    db = tmp_path / "ladder.db"
    _with_progress(db)
    before = db.read_bytes()
    with pytest.raises(NothingToRestore, match="healthy"):
        restore(db)
    assert db.read_bytes() == before and not list(tmp_path.glob("*.damaged-*"))


LOCKER = textwrap.dedent("""
    import sqlite3, sys, time
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute("PRAGMA locking_mode=EXCLUSIVE")
    con.execute("BEGIN EXCLUSIVE")
    con.execute("INSERT INTO settings VALUES ('x', 'y')")
    print("locked", flush=True)
    time.sleep(120)
""")


def test_a_lock_held_by_another_program_is_not_called_damage(tmp_path, monkeypatch):
    db = tmp_path / "ladder.db"
    _with_progress(db)
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert locker.stdout.readline().strip() == "locked"
        assert health(db).state == "busy"
        with pytest.raises(StoreBusy) as err:
            Store.open(db)
        message = str(err.value)
        assert "another program" in message and "damaged" not in message
        with pytest.raises(StoreBusy):
            restore(db)  # refuses: the database is healthy, only busy
        assert not list(tmp_path.glob("*.damaged-*"))
    finally:
        locker.kill()
        locker.wait()
    s = Store.open(db)  # the lock is gone: all 50 reviews are there
    assert len(s.review_logs()) == 50
    s.close()


def test_a_write_blocked_past_the_busy_timeout_is_one_sentence(tmp_path):
    db = tmp_path / "ladder.db"
    _with_progress(db)
    s = Store.open(db, backup=False)
    s.conn.execute("PRAGMA busy_timeout = 100")
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # holds the write lock
    try:
        with pytest.raises(StoreBusy, match="another program"):
            s.mark_read("ml.x", NOW)
    finally:
        other.execute("ROLLBACK")
        other.close()
    s.mark_read("ml.x", NOW)  # and it works once the other writer is done
    s.close()


def test_backups_hold_no_wal_or_shm_files(tmp_path):
    db = tmp_path / "ladder.db"
    _with_progress(db)
    s = Store.open(db)
    for _ in range(3):
        s.backup()
    s.close()
    db.write_bytes(b"garbage")
    restore(db)  # reads the backups to find a healthy one
    leftovers = [p.name for p in (tmp_path / "backups").iterdir() if not p.name.endswith(".db")]
    assert leftovers == []


def _bwrap():
    import shutil

    return shutil.which("bwrap")


@pytest.mark.skipif(not _bwrap(), reason="needs bubblewrap for a read-only mount")
def test_read_only_workspace_gives_one_sentence(tmp_path):
    db = tmp_path / "ladder.db"
    _with_progress(db)
    script = textwrap.dedent("""
        import sys
        from pathlib import Path
        from ladder.study.store import Store, StoreError, restore
        db = Path(sys.argv[1])
        for what in ("open", "restore"):
            try:
                Store.open(db).mark_read("ml.y") if what == "open" else restore(db)
                print(what, "worked")
            except StoreError as exc:
                print(what, type(exc).__name__, exc)
    """)
    r = subprocess.run(
        [_bwrap(), "--bind", "/", "/", "--ro-bind", str(tmp_path), str(tmp_path), "--dev", "/dev",
         sys.executable, "-c", script, str(db)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "Traceback" not in r.stderr, r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[0].startswith("open StoreReadOnly") and "writable" in lines[0], lines
    assert lines[1].startswith("restore StoreReadOnly"), lines
    assert db.exists() and not list(tmp_path.glob("*.damaged-*"))


@pytest.mark.skipif(not _bwrap(), reason="needs bubblewrap for a small tmpfs")
def test_full_disk_gives_one_sentence_and_keeps_what_was_saved(tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    script = textwrap.dedent("""
        import sys
        from pathlib import Path
        from datetime import datetime, UTC
        from ladder.study.store import Store, StoreError
        db = Path(sys.argv[1]) / "ladder.db"
        s = Store.open(db, backup=False)
        now = datetime(2026, 1, 5, tzinfo=UTC)
        saved = 0
        try:
            for i in range(100000):
                s.record_attempt(f"ex-{i}", "passed", {"pad": "x" * 2000}, 0.1, now)
                saved += 1
        except StoreError as exc:
            print(type(exc).__name__, exc)
        s.close()
        s = Store.open(db, backup=False)
        print("kept", len(s.exercise_states()) == saved, saved > 0)
    """)
    r = subprocess.run(
        [_bwrap(), "--bind", "/", "/", "--dev", "/dev", "--size", str(512 * 1024),
         "--tmpfs", str(small), sys.executable, "-c", script, str(small)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "Traceback" not in r.stderr, r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[0].startswith("StoreFull") and "disk is full" in lines[0], lines
    assert lines[-1] == "kept True True", lines
