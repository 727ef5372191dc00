"""A wrong answer is never recorded as passed, and learner code cannot hang, flood or
outlive the grader (the trust boundary of ``ladder.study.grader``).

Each learner file below returns a wrong mean squared error (42.0) and tries to make the
verdict say otherwise, or attacks the grader itself. Time bounds are generous: they
only catch a hang, never measure speed.
"""

from __future__ import annotations

import os
import sqlite3
import textwrap
import time
import uuid
from pathlib import Path

import pytest

from ladder.curriculum import load_curriculum
from ladder.study.grader import grade
from ladder.study.sandbox import isolation

WRONG = "def mean_squared_error(y_true, y_pred):\n    return 42.0\n"
# A hang is anything beyond the limit plus this margin (process starts on a busy machine).
MARGIN = 30.0


@pytest.fixture(scope="module")
def mse():
    return load_curriculum().exercises["ml.mse"]


def _write(tmp_path: Path, *parts: str, name: str = "mse.py") -> Path:
    """A learner file from parts, each dedented on its own."""
    path = tmp_path / name
    path.write_text("\n".join(textwrap.dedent(p) for p in parts), "utf-8")
    return path


def _processes_with(token: str) -> list[int]:
    """Host PIDs whose command line contains ``token``."""
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/cmdline", "rb") as fh:
                cmd = fh.read()
        except OSError:
            continue
        if token.encode() in cmd and int(entry.name) != os.getpid():
            found.append(int(entry.name))
    return found


def _gone(token: str, within: float = 5.0) -> bool:
    deadline = time.monotonic() + within
    while _processes_with(token):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


# ---------------------------------------------------------------- forged verdicts

FORGERIES = {
    "writes forged results to every inherited descriptor": """
        import json, os
        forged = b'{"event":"result","name":"check_small_example","status":"passed"}\\n'
        forged += b'{"event":"done"}\\nnot json\\n'
        for fd in range(3, 64):
            try:
                os.write(fd, forged)
            except OSError:
                pass
        """,
    "writes forged events to the files named on its command line, then exits": """
        import os, sys
        for arg in sys.argv[1:]:
            try:
                with open(arg, "a") as fh:
                    fh.write('{"event":"result","status":"passed"}\\n{"event":"done"}\\n')
            except OSError:
                pass
        """,
    "makes numpy.allclose always agree": """
        import numpy
        numpy.allclose = lambda *a, **k: True
        numpy.isclose = lambda *a, **k: True
        """,
    "replaces the code of the expectation helpers": """
        import ladder.curriculum.expect as expect
        def _ok(*a, **k):
            return None
        for name in dir(expect):
            if name.startswith("expect_"):
                getattr(expect, name).__code__ = _ok.__code__
        """,
    "patches the objects of the process's __main__": """
        import sys
        main = sys.modules.get("__main__")
        for name in list(vars(main)) if main else []:
            try:
                setattr(main, name, lambda *a, **k: None)
            except Exception:
                pass
        """,
    "patches the check module loaded beside it": """
        import sys
        for name, mod in list(sys.modules.items()):
            if "check" in name and mod is not None:
                for attr in list(vars(mod)):
                    if attr.startswith("check_"):
                        setattr(mod, attr, lambda *a, **k: None)
        """,
}


@pytest.mark.parametrize("attack", list(FORGERIES), ids=list(FORGERIES))
def test_forgery_is_not_passed(mse, tmp_path, attack):
    path = _write(tmp_path, FORGERIES[attack], WRONG)
    v = grade(mse, path)
    assert v.outcome != "passed", v
    # Either the checks ran and found 42.0 wrong, or the garbage broke the channel.
    assert v.outcome in ("incorrect", "could_not_check"), (v.outcome, v.reason)


def test_forged_pass_is_not_stored(tmp_path):
    """Through the real command: a forgery gives no pass in the progress database."""
    from tests.helpers import ladder

    assert ladder("init", "ws", cwd=tmp_path).returncode == 0
    ws = tmp_path / "ws"
    learner = ws / "exercises" / "ml" / "mse.py"
    learner.write_text(textwrap.dedent(FORGERIES["makes numpy.allclose always agree"]) + WRONG)
    r = ladder("check", "ml.mse", cwd=ws)
    assert "passed" not in r.stdout.lower().split("incorrect")[0] or "incorrect" in r.stdout.lower()
    db = sqlite3.connect(ws / ".ladder" / "ladder.db")
    outcomes = [row[0] for row in db.execute("SELECT outcome FROM attempts")]
    db.close()
    assert "passed" not in outcomes and outcomes, outcomes


@pytest.mark.skipif(not isolation().bubblewrap, reason="needs bubblewrap")
def test_learner_code_cannot_write_the_workspace(mse, tmp_path):
    """The child sees the file system read-only: the database and backups are safe."""
    ladder_dir = tmp_path / ".ladder"
    (ladder_dir / "backups").mkdir(parents=True)
    db = ladder_dir / "ladder.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE attempts (exercise_id TEXT, outcome TEXT)")
    con.commit()
    con.close()
    before = db.read_bytes()
    exercises = tmp_path / "exercises" / "ml"
    exercises.mkdir(parents=True)
    path = _write(
        exercises,
        """
        import sqlite3
        from pathlib import Path
        root = Path(__file__).resolve().parents[2] / ".ladder"
        try:
            con = sqlite3.connect(root / "ladder.db")
            con.execute("INSERT INTO attempts VALUES ('ml.mse', 'passed')")
            con.commit()
        except Exception as exc:
            print("database:", type(exc).__name__)
        try:
            (root / "backups" / "evil.db").write_text("x")
        except OSError as exc:
            print("backups:", type(exc).__name__)
        try:
            Path(__file__).write_text("# overwritten")
        except OSError as exc:
            print("own file:", type(exc).__name__)
        """,
        WRONG,
    )
    v = grade(mse, path)
    assert v.outcome == "incorrect"
    assert db.read_bytes() == before
    assert not (ladder_dir / "backups" / "evil.db").exists()
    assert "return 42.0" in path.read_text()
    assert "database: OperationalError" in v.output


def test_runs_in_an_empty_folder_with_a_copy(mse, tmp_path):
    path = _write(
        tmp_path,
        """
        import os
        print("cwd holds", sorted(os.listdir(".")))
        """,
        WRONG,
    )
    (tmp_path / "secret.txt").write_text("not for the child's folder")
    v = grade(mse, path)
    assert "cwd holds ['mse.py']" in v.output


# -------------------------------------------------------------- hangs and floods


def test_fifo_in_place_of_the_file_does_not_hang(mse, tmp_path):
    fifo = tmp_path / "mse.py"
    os.mkfifo(fifo)
    started = time.monotonic()
    v = grade(mse, fifo)
    assert time.monotonic() - started < MARGIN
    assert v.outcome == "could_not_check" and "not a regular file" in v.reason


def test_file_linked_to_dev_zero_is_refused(mse, tmp_path):
    link = tmp_path / "mse.py"
    link.symlink_to("/dev/zero")
    v = grade(mse, link)
    assert v.outcome == "could_not_check" and "not a regular file" in v.reason


def test_printing_forever_is_cut_and_bounded(mse, tmp_path):
    path = _write(
        tmp_path,
        """
        def mean_squared_error(y_true, y_pred):
            line = "flood " * 200
            while True:
                print(line)
        """,
    )
    started = time.monotonic()
    v = grade(mse, path, timeout=3)
    assert time.monotonic() - started < 3 + MARGIN
    assert v.outcome == "could_not_check" and "did not finish within 3 s" in v.reason
    assert len(v.output) < 20_000 and "flood" in v.output


def test_forked_children_do_not_outlive_the_check(mse, tmp_path):
    token = f"{uuid.uuid4().int % 10**6}.{os.getpid()}"
    path = _write(
        tmp_path,
        f"""
        import os
        def mean_squared_error(y_true, y_pred):
            for _ in range(200):
                try:
                    if os.fork() == 0:
                        os.execvp("sleep", ["sleep", "{token}"])
                except OSError:
                    break
            return 42.0
        """,
    )
    v = grade(mse, path)
    assert v.outcome != "passed"
    assert _gone(token), f"processes left behind: {_processes_with(token)}"


def test_setsid_child_does_not_survive(mse, tmp_path):
    token = f"{uuid.uuid4().int % 10**6}.{os.getpid() + 1}"
    path = _write(
        tmp_path,
        f"""
        import os
        def mean_squared_error(y_true, y_pred):
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    os.execvp("sleep", ["sleep", "{token}"])
                os._exit(0)
            while True:
                pass
        """,
    )
    started = time.monotonic()
    v = grade(mse, path, timeout=3)
    assert time.monotonic() - started < 3 + MARGIN
    assert v.outcome == "could_not_check"
    assert _gone(token), f"processes left behind: {_processes_with(token)}"


@pytest.mark.skipif(not isolation().cgroup, reason="needs a writable cgroup")
def test_memory_limit_holds_for_the_whole_tree(mse, tmp_path):
    """Three forks of 700 MiB each under a 1 GiB limit never all hold their memory."""
    path = _write(
        tmp_path,
        """
        import os
        import numpy as np
        def mean_squared_error(y_true, y_pred):
            r, w = os.pipe()
            for _ in range(3):
                if os.fork() == 0:
                    block = np.ones(700 * 1024 * 1024 // 8)  # touched: really resident
                    os.write(w, b"x")
                    import time
                    time.sleep(5)  # hold it while the others allocate theirs
                    os._exit(0)
            os.close(w)  # the read below ends when the last child has
            got = b""
            while chunk := os.read(r, 3):
                got += chunk
            y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
            error = float(np.mean((y_true - y_pred) ** 2))
            # All three held 2.1 GiB at once: claim the right answer (a pass would be
            # wrong); a child killed for its memory: a wrong one.
            return error if len(got) == 3 else error + 1.0
        """,
    )
    v = grade(mse, path, memory_mb=1024, timeout=20)
    assert v.outcome != "passed", v


def test_repeated_memory_errors_are_reported_as_memory(mse, tmp_path):
    path = _write(
        tmp_path,
        """
        def mean_squared_error(y_true, y_pred):
            while True:
                try:
                    hoard = bytearray(400 * 1024 * 1024)
                    more = bytearray(400 * 1024 * 1024)
                except MemoryError:
                    continue
        """,
    )
    v = grade(mse, path, memory_mb=512, timeout=3)
    assert v.outcome == "could_not_check"
    assert "memory" in v.reason and "loop" not in v.reason, v.reason


def test_correct_code_still_passes_under_isolation(mse, tmp_path):
    path = _write(
        tmp_path,
        """
        import numpy as np
        def mean_squared_error(y_true, y_pred):
            return float(np.mean((np.asarray(y_true, float) - np.asarray(y_pred, float)) ** 2))
        """,
    )
    assert grade(mse, path).outcome == "passed"


# ------------------------------------------------ the fallback without bubblewrap


@pytest.fixture
def no_sandbox(monkeypatch):
    """Grade as on a machine without bubblewrap or cgroups (plain limits only)."""
    monkeypatch.setenv("LADDER_SANDBOX", "none")
    isolation.cache_clear()
    yield
    isolation.cache_clear()


def test_fallback_says_what_is_missing(no_sandbox):
    rows = dict(isolation().describe())
    assert "NOT isolated" in rows["files"]


def test_fallback_still_keeps_verdicts_honest(mse, tmp_path, no_sandbox):
    for attack in (
        "makes numpy.allclose always agree",
        "replaces the code of the expectation helpers",
    ):
        v = grade(mse, _write(tmp_path, FORGERIES[attack], WRONG))
        assert v.outcome == "incorrect", (attack, v.reason)


def test_fallback_ends_forked_and_setsid_children(mse, tmp_path, no_sandbox):
    token = f"{uuid.uuid4().int % 10**6}.{os.getpid() + 2}"
    path = _write(
        tmp_path,
        f"""
        import os
        def mean_squared_error(y_true, y_pred):
            for _ in range(5):
                if os.fork() == 0:
                    os.setsid()
                    if os.fork() == 0:
                        os.execvp("sleep", ["sleep", "{token}"])
                    os._exit(0)
            while True:
                pass
        """,
    )
    v = grade(mse, path, timeout=3)
    assert v.outcome == "could_not_check"
    assert _gone(token), f"processes left behind: {_processes_with(token)}"


def test_the_limit_counts_computation_not_waiting(mse, tmp_path):
    """A busy machine (or a pause) does not turn correct code into a timeout: the limit
    is CPU time; only code that waits for far longer meets the wall-clock bound."""
    path = _write(
        tmp_path,
        """
        import time
        import numpy as np
        def mean_squared_error(y_true, y_pred):
            time.sleep(0.8)  # waiting, not computing
            d = np.asarray(y_true, float) - np.asarray(y_pred, float)
            return float(np.mean(d ** 2))
        """,
    )
    assert grade(mse, path, timeout=2).outcome == "passed"


def test_code_that_sleeps_forever_meets_the_wall_clock(mse, tmp_path):
    from ladder.study.grader import wall_limit

    path = _write(
        tmp_path,
        """
        import time
        def mean_squared_error(y_true, y_pred):
            time.sleep(10_000)
        """,
    )
    started = time.monotonic()
    v = grade(mse, path, timeout=1)
    assert time.monotonic() - started < wall_limit(1) + MARGIN
    assert v.outcome == "could_not_check" and "did not finish within 1 s" in v.reason
