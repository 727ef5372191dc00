"""The real `ladder` command, driven as a learner would, across process restarts."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ladder.curriculum import load_curriculum
from tests.helpers import ladder

MSE_WRONG = """import numpy as np

def mean_squared_error(y_true, y_pred):
    return float(np.sum((np.asarray(y_true) - np.asarray(y_pred)) ** 2))
"""
MSE_RIGHT = """import numpy as np

def mean_squared_error(y_true, y_pred):
    d = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(np.mean(d ** 2))
"""


def _json(*args, cwd):
    result = ladder(*args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.slow
def test_a_learner_session_end_to_end(tmp_path):
    r = ladder("init", "w", cwd=tmp_path)
    assert r.returncode == 0 and "Created a Ladder workspace" in r.stdout
    ws = tmp_path / "w"
    assert "ladder learn" in ladder(cwd=ws).stdout

    r = ladder("learn", "ml.linear-regression", cwd=ws)
    assert r.returncode == 0 and "Linear regression" in r.stdout and "Marked as read" in r.stdout
    assert "XᵀXw = Xᵀy" in r.stdout  # math made readable

    r = ladder("check", cwd=ws)
    assert r.returncode == 1 and "not attempted" in r.stdout and "NotImplementedError" in r.stdout

    mse = ws / "exercises" / "ml" / "mse.py"
    mse.write_text(MSE_WRONG)
    r = ladder("check", cwd=ws)
    assert r.returncode == 1 and "incorrect" in r.stdout
    assert "expected: 0.42799999999999994" in r.stdout  # the five-sample case's MSE
    assert "got:      2.1399999999999997" in r.stdout  # its sum of squared errors
    assert "divide by the number of samples" in r.stdout

    r = ladder("hint", cwd=ws)
    assert "Hint 1/3" in r.stdout and "Hint 2/3" not in r.stdout

    mse.write_text(MSE_RIGHT)
    r = ladder("check", cwd=ws)
    assert r.returncode == 0 and "passed" in r.stdout and "Next exercise: ml.r2" in r.stdout
    assert "def mean_squared_error" in ladder("solution", "ml.mse", cwd=ws).stdout

    # basic: Enter, rate 3; cloze: Enter, rate 3; basic: Enter, rate 4; choice: answer 2; then stop.
    r = ladder("review", cwd=ws, input="\n3\n\n3\n\n4\n2\nq\n")
    assert r.returncode == 0, r.stderr
    assert "Reviewed 4 card(s)" in r.stdout and "Right:" in r.stdout

    # A new process sees everything.
    stats = _json("stats", "--json", cwd=ws)
    assert stats["reviews"] == 4 and stats["cards_learning"] == 4
    rows = {e["id"]: e for e in _json("list", "--json", cwd=ws)["exercises"]}
    assert rows["ml.mse"]["state"] == "passed" and rows["ml.r2"]["current"]
    roadmap = _json("map", "--json", cwd=ws)
    assert (
        roadmap["stages"][0]["lessons_read"] == 1 and roadmap["stages"][0]["exercises_passed"] == 1
    )
    assert len(roadmap["stages"]) == 8
    # The planner walks lessons in order: an unread earlier lesson comes before exercises.
    from ladder.curriculum import load_curriculum

    first = load_curriculum().ordered_lessons()[0].id
    expected = (
        ("ladder check", "ml.r2") if first == "ml.linear-regression" else ("ladder learn", first)
    )
    assert (roadmap["next"]["command"], roadmap["next"]["target"]) == expected

    # init again: nothing the learner wrote changes.
    before = {p: p.read_bytes() for p in (ws / "exercises").rglob("*.py")}
    r = ladder("init", "w", cwd=tmp_path)
    assert f"left your {len(before)} file(s) untouched" in r.stdout
    assert {p: p.read_bytes() for p in (ws / "exercises").rglob("*.py")} == before

    # reset keeps a backup of the learner's version.
    r = ladder("reset", "ml.mse", cwd=ws)
    assert "saved as" in r.stdout
    assert "NotImplementedError" in mse.read_text()
    assert any(
        p.read_text() == MSE_RIGHT for p in (ws / ".ladder" / "backups" / "exercises").glob("*.py")
    )


def _spawn(args, cwd, **kw):
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "ladder", *args],
        cwd=cwd,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        **kw,
    )


def _read_until(proc, marker: str, timeout: float = 300) -> str:
    """Read the child's output until ``marker`` appears (wherever the terminal width broke
    its lines: a long temporary path can push a phrase onto two); fail (never hang) after
    ``timeout`` (a bound on hangs only, far above a normal run on a loaded machine)."""
    seen = ""
    fd = proc.stdout.fileno()
    deadline = time.monotonic() + timeout
    while marker not in " ".join(seen.split()):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            break
        chunk = os.read(fd, 4096).decode("utf-8", "replace")
        if not chunk:
            break
        seen += chunk
    assert marker in " ".join(seen.split()), seen
    return seen


def _wait_for_child_of(proc, timeout: float = 300) -> None:
    """Block until ``proc`` has a child process (Linux: /proc/PID/task/*/children), however
    long start-up takes on a loaded machine; ``timeout`` only bounds a hang."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the process ended before it started its child"
        tasks = Path(f"/proc/{proc.pid}/task").glob("*/children")
        if any(t.read_text().split() for t in tasks):
            return
        time.sleep(0.05)
    pytest.fail(f"no child process of {proc.args} within {timeout:g} s")


@pytest.mark.slow
def test_kill_9_during_review_and_check_loses_nothing(tmp_path):
    ladder("init", "w", cwd=tmp_path)
    ws = tmp_path / "w"
    ladder("learn", "ml.linear-regression", cwd=ws)
    (ws / "exercises" / "ml" / "mse.py").write_text(MSE_RIGHT)
    assert ladder("check", cwd=ws).returncode == 0

    proc = _spawn(["review"], ws, stdin=subprocess.PIPE)
    _read_until(proc, "Enter shows the answer")
    proc.stdin.write("\n3\n")
    proc.stdin.flush()
    _read_until(proc, "2/")  # the second card is on screen: the first review is stored
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    (ws / "exercises" / "ml" / "r2.py").write_text(
        "def r2_score(a, b):\n    while True:\n        pass\n"
    )
    proc = _spawn(["check", "ml.r2"], ws)
    _wait_for_child_of(proc)  # the grader's child (running the endless loop) has started
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    stats = _json("stats", "--json", cwd=ws)
    assert stats["reviews"] == 1
    rows = {e["id"]: e["state"] for e in _json("list", "--json", cwd=ws)["exercises"]}
    assert rows["ml.mse"] == "passed"
    r = ladder("doctor", cwd=ws)
    assert "database healthy" in r.stdout


def test_errors_are_one_clear_sentence(tmp_path):
    r = ladder("list", cwd=tmp_path)
    assert r.returncode == 1
    assert "not inside a Ladder workspace: run `ladder init DIR`" in r.stderr
    ladder("init", "w", cwd=tmp_path)
    ws = tmp_path / "w"
    r = ladder("check", "ml.msee", cwd=ws)
    assert (
        r.returncode == 1 and "There is no exercise 'ml.msee'. Did you mean 'ml.mse'?" in r.stderr
    )
    r = ladder("run", "ml.nope", cwd=ws)
    assert r.returncode == 1 and "There is no lab 'ml.nope'" in r.stderr
    r = ladder("solution", "ml.mse", cwd=ws)
    assert r.returncode == 1 and "Make an attempt at ml.mse first" in r.stderr
    assert "Traceback" not in r.stderr


def test_corrupt_database_is_reported_and_restored(tmp_path):
    ladder("init", "w", cwd=tmp_path)
    ws = tmp_path / "w"
    ladder("learn", cwd=ws)
    ladder("check", cwd=ws)  # opens the store with progress in it: the first backup is taken
    db = ws / ".ladder" / "ladder.db"
    for extra in ("-wal", "-shm"):
        Path(f"{db}{extra}").unlink(missing_ok=True)
    db.write_bytes(b"\x00garbage" * 512)
    r = ladder(cwd=ws)
    assert r.returncode == 1
    assert (
        "The progress database" in r.stderr
        and "is damaged" in r.stderr
        and "ladder restore" in r.stderr
    )
    assert "Traceback" not in r.stderr
    r = ladder("restore", cwd=ws)
    assert r.returncode == 0 and "Restored the backup" in r.stdout
    assert _json("map", "--json", cwd=ws)["stages"][0]["lessons_read"] == 1


def test_dev_check_json(tmp_path):
    # The gradings themselves are proven by tests/test_curriculum.py; here, the report.
    report = _json("dev", "check", "--json", "--no-run", cwd=tmp_path)
    assert report["errors"] == []
    ml = report["stages"][0]
    assert ml["id"] == "ml" and ml["lessons"] >= 1 and ml["cards"] >= 8 and ml["exercises"] >= 4
    assert [s["id"] for s in report["stages"]] == [
        "ml",
        "nn",
        "dl",
        "nlp",
        "transformer",
        "llm",
        "ethics",
        "projects",
    ]


def test_dev_check_of_one_exercise_and_a_wrong_id(tmp_path):
    report = _json("dev", "check", "ml.mse", "--json", cwd=tmp_path)
    assert report["errors"] == []
    m = report["mutants"]
    assert m["mutants"] == m["rejected"] >= 4 and m["automatic"] == 1  # ml.mse's alone
    r = ladder("dev", "check", "ml.mes", cwd=tmp_path)
    assert r.returncode == 1 and "Did you mean 'ml.mse'?" in r.stderr + r.stdout
    r = ladder("dev", "check", "nlpp", cwd=tmp_path)
    assert "no exercise or stage 'nlpp'. Did you mean 'nlp'?" in r.stderr + r.stdout
    assert "Traceback" not in r.stderr


def test_export_anki(tmp_path):
    import sqlite3
    import zipfile

    r = ladder("export", "anki", "deck.apkg", "--all", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    with zipfile.ZipFile(tmp_path / "deck.apkg") as z:
        z.extract("collection.anki2", tmp_path)
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    notes = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
    rows = conn.execute("SELECT tags, flds FROM notes").fetchall()
    conn.close()
    cur = load_curriculum()
    assert notes == len(cur.cards)
    # The lessons' papers are notes of their own deck, tagged as such.
    papers = sum(1 for c in cur.cards.values() if c.deck == "papers")
    assert papers and sum("ladder::papers" in tags for tags, _ in rows) == papers
    # Tags by stage and lesson; a choice card's options on its front; math for MathJax.
    assert all("ladder::stage::" in tags and "ladder::lesson::" in tags for tags, _ in rows)
    choice = next(c for c in cur.cards.values() if c.kind == "choice")
    fields = next(f for _, f in rows if choice.choices[-1][:20] in f.split("\x1f")[0])
    assert "1. " in fields.split("\x1f")[0]
    from ladder.study.anki import text

    assert text("the loss $L = \\frac{1}{n}$ costs $5 and $$a<b$$") == (
        "the loss \\(L = \\frac{1}{n}\\) costs $5 and \\[a&lt;b\\]"
    )


def test_help_and_version(tmp_path):
    r = ladder("--help", cwd=tmp_path)
    assert r.returncode == 0 and "review" in r.stdout and "check" in r.stdout
    assert ladder("--version", cwd=tmp_path).stdout.startswith("ladder ")


@pytest.mark.slow
def test_watch_regrades_on_save_and_moves_on(tmp_path):
    ladder("init", "w", cwd=tmp_path)
    ws = tmp_path / "w"
    ladder("learn", "ml.linear-regression", cwd=ws)
    proc = _spawn(["watch", "ml.mse"], ws)
    try:
        _read_until(proc, "save it to check again")
        (ws / "exercises" / "ml" / "mse.py").write_text(MSE_RIGHT)
        out = _read_until(proc, "Next exercise: ml.r2")
        assert "passed" in out
        _read_until(proc, "Watching")  # now watching the next exercise's file
    finally:
        proc.kill()
        proc.wait()


# -- the small things a new learner trips over ----------------------------------------------


def test_lessons_are_listed_with_their_ids(tmp_path):
    r = ladder("lessons", cwd=tmp_path)
    assert r.returncode == 0 and "ml.linear-regression" in r.stdout
    data = _json("lessons", "--json", cwd=tmp_path)
    assert data["lessons"][0]["id"] == load_curriculum().ordered_lessons()[0].id
    assert ladder("init", "ws", cwd=tmp_path).returncode == 0
    unknown = ladder("learn", "ml.nope", cwd=tmp_path / "ws")
    assert "`ladder lessons` lists them" in unknown.stderr


def test_config_without_arguments_lists_the_settings(tmp_path):
    assert ladder("init", "ws", cwd=tmp_path).returncode == 0
    r = ladder("config", cwd=tmp_path / "ws")
    assert r.returncode == 0 and "new_per_day = 20" in r.stdout and "0–1000" in r.stdout


def test_check_takes_the_exercise_file(tmp_path):
    assert ladder("init", "ws", cwd=tmp_path).returncode == 0
    r = ladder("check", "exercises/ml/mse.py", cwd=tmp_path / "ws")
    assert "ml.mse" in r.stdout and "not attempted" in r.stdout
    wrong = ladder("check", "exercises/ml/nothing.py", cwd=tmp_path / "ws")
    assert wrong.returncode == 1 and "not one of this workspace's exercise files" in wrong.stderr


def test_init_inside_a_workspace_refuses(tmp_path):
    assert ladder("init", "ws", cwd=tmp_path).returncode == 0
    r = ladder("init", "inner", cwd=tmp_path / "ws")
    assert r.returncode == 1 and "inside the workspace" in r.stderr
    assert not (tmp_path / "ws" / "inner").exists()
    again = ladder("init", ".", cwd=tmp_path / "ws")  # re-initialising the same one is fine
    assert again.returncode == 0 and "already a workspace" in again.stdout


def test_reading_a_lesson_again_does_not_announce_its_cards(tmp_path):
    assert ladder("init", "ws", cwd=tmp_path).returncode == 0
    ws = tmp_path / "ws"
    first = ladder("learn", "ml.kinds-of-learning", cwd=ws)
    second = ladder("learn", "ml.kinds-of-learning", cwd=ws)
    assert "cards join your reviews" in first.stdout
    assert "cards join your reviews" not in second.stdout and "Read again" in second.stdout


def test_data_add_takes_the_one_file_the_download_message_names(tmp_path, shared_data):
    import shutil

    copy = tmp_path / "my-shakespeare.txt"  # any name: it is checked by its sha256
    shutil.copy(shared_data / "tinyshakespeare" / "input.txt", copy)
    env = {"LADDER_HOME": str(tmp_path / "home"), "LADDER_DATA_PATH": ""}
    r = ladder("data", "add", "tinyshakespeare", str(copy), cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    assert "my-shakespeare.txt (sha256 checked)" in " ".join(r.stdout.split())  # the file given
    listed = ladder("data", "list", cwd=tmp_path, env=env)
    assert (
        "tinyshakespeare" in listed.stdout
        and "not here" not in listed.stdout.split("tinyshakespeare")[1].split("\n  ")[1]
    )
    bad = tmp_path / "other.txt"
    bad.write_text("not shakespeare")
    r = ladder("data", "add", "tinyshakespeare", str(bad), cwd=tmp_path, env=env)
    assert r.returncode == 1 and "sha256" in r.stderr


def test_review_undo_suspend_and_the_session_summary(tmp_path):
    assert ladder("init", "ws", cwd=tmp_path).returncode == 0
    ws = tmp_path / "ws"
    assert ladder("learn", "ml.kinds-of-learning", cwd=ws).returncode == 0
    # Rate the first card Good, take it back, rate it Easy, suspend the next, stop.
    r = ladder("review", cwd=ws, input="\n3\nu\n\n4\ns\nq\n")
    assert r.returncode == 0, r.stderr
    assert "Took back your answer" in r.stdout and "Suspended" in r.stdout
    assert "3 Good (" in r.stdout  # the next interval beside each rating
    assert "Reviewed 1 card(s): Again 0 · Hard 0 · Good 0 · Easy 1" in r.stdout
    stats = _json("stats", "--json", cwd=ws)
    assert stats["reviews"] == 1
    suspended = r.stdout.split("Suspended ")[1].split(":")[0]
    back = ladder("review", "--unsuspend", suspended, cwd=ws)
    assert back.returncode == 0 and "back in your reviews" in back.stdout
