"""Progress survives what a learner (or their code) does to the database, seen through
the real `ladder` command."""

from __future__ import annotations

from tests.helpers import ladder


def _workspace_with_progress(tmp_path):
    assert ladder("init", "ws", cwd=tmp_path).returncode == 0
    ws = tmp_path / "ws"
    assert ladder("learn", "ml.kinds-of-learning", cwd=ws).returncode == 0
    # A check runs learner code: a backup is taken first.
    ladder("check", "ml.mse", cwd=ws)
    return ws


def test_deleted_database_is_noticed_and_restored(tmp_path):
    ws = _workspace_with_progress(tmp_path)
    assert list((ws / ".ladder" / "backups").glob("ladder-*.db"))
    for p in (ws / ".ladder").glob("ladder.db*"):
        p.unlink()

    r = ladder(cwd=ws)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "missing" in r.stderr and "ladder restore" in r.stderr
    assert not (ws / ".ladder" / "ladder.db").exists()  # no silent empty database

    doctor = ladder("doctor", cwd=ws)
    assert "missing" in doctor.stdout

    r = ladder("restore", cwd=ws)
    assert r.returncode == 0 and "Restored the backup" in r.stdout
    r = ladder("list", "--json", cwd=ws)
    assert r.returncode == 0


def test_restore_refuses_when_nothing_is_wrong(tmp_path):
    ws = _workspace_with_progress(tmp_path)
    r = ladder("restore", cwd=ws)
    assert r.returncode == 1 and "healthy" in r.stderr and "Traceback" not in r.stderr
    assert not list((ws / ".ladder").glob("*.damaged-*"))
