"""The workspace: creation, discovery, never overwriting the learner's files."""

from __future__ import annotations

import pytest

from ladder.curriculum import load_curriculum
from ladder.study.workspace import NoWorkspace, Workspace


@pytest.fixture(scope="module")
def cur():
    return load_curriculum()


def test_init_copies_every_stub_once(tmp_path, cur):
    report = Workspace.init(tmp_path / "w", cur)
    assert report.created and len(report.added) == len(cur.exercises)
    ws = Workspace(tmp_path / "w")
    mine = ws.exercise_path(cur.exercises["ml.mse"])
    mine.write_text("# my work\n")
    again = Workspace.init(tmp_path / "w", cur)
    assert not again.created and again.added == [] and len(again.kept) == len(cur.exercises)
    assert mine.read_text() == "# my work\n"


def test_a_deleted_stub_comes_back_on_init(tmp_path, cur):
    Workspace.init(tmp_path, cur)
    path = Workspace(tmp_path).exercise_path(cur.exercises["ml.r2"])
    path.unlink()
    assert Workspace.init(tmp_path, cur).added == [cur.exercises["ml.r2"].workspace_name]


def test_find_walks_up_and_honours_the_environment(tmp_path, cur, monkeypatch):
    monkeypatch.delenv("LADDER_WORKSPACE", raising=False)
    Workspace.init(tmp_path / "w", cur)
    deep = tmp_path / "w" / "exercises" / "ml"
    assert Workspace.find(deep).root == (tmp_path / "w").resolve()
    with pytest.raises(NoWorkspace, match="ladder init DIR"):
        Workspace.find(tmp_path)
    monkeypatch.setenv("LADDER_WORKSPACE", str(tmp_path / "w"))
    assert Workspace.find(tmp_path).root == (tmp_path / "w").resolve()
    monkeypatch.setenv("LADDER_WORKSPACE", str(tmp_path / "nowhere"))
    with pytest.raises(NoWorkspace, match="not a Ladder workspace"):
        Workspace.find()


def test_reset_keeps_a_backup(tmp_path, cur):
    Workspace.init(tmp_path, cur)
    ws = Workspace(tmp_path)
    ex = cur.exercises["ml.mse"]
    ws.exercise_path(ex).write_text("def mean_squared_error(a, b):\n    return 0\n")
    saved = ws.reset(ex)
    assert saved.read_text().startswith("def mean_squared_error(a, b)")
    assert ws.exercise_path(ex).read_text() == ex.stub_path.read_text()


def test_init_into_a_file_is_refused(tmp_path, cur):
    (tmp_path / "f").write_text("x")
    with pytest.raises(NotADirectoryError, match="is a file"):
        Workspace.init(tmp_path / "f", cur)
