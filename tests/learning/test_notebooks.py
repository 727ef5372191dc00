"""Notebooks: generated for real, executed with nbclient on the plain Python 3 kernel; the
check() cell prints the grader's verdict and the attempt lands in the workspace."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

from ladder.study.notebooks import MARKER, write_notebook  # noqa: E402
from ladder.study.session import Refused  # noqa: E402
from ladder.study.store import Store  # noqa: E402

SRC = str(Path(__file__).resolve().parents[2] / "src")


def execute(path: Path, cwd: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(str(path), as_version=4)
    env_before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = SRC + (os.pathsep + env_before if env_before else "")
    try:
        client = nbclient.NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
        )
        client.execute()
    finally:
        if env_before is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = env_before
    return nb


def text_of(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", []))


def test_exercise_notebook_stub_then_solution(ws, cur, tmp_path):
    path = write_notebook(cur, ws.root, "ml.mse", tmp_path / "nb")
    nb = nbformat.read(str(path), as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"  # no Ladder-specific kernel
    lesson = cur.lessons["ml.linear-regression"]
    assert lesson.title in nb.cells[0].source and "$" in nb.cells[0].source
    code = next(c for c in nb.cells if c.source.startswith(MARKER + "ml.mse"))
    assert "raise NotImplementedError" in code.source
    assert nb.cells[-1].source == 'check("ml.mse")'

    ran = execute(path, tmp_path)
    assert "not attempted" in text_of(ran.cells[-1])

    # The reference solution's own source in the cell (with the helper it calls; only
    # the reference function itself may not be imported).
    import inspect

    from ladder.ml.metrics import mean_squared_error

    code.source = (
        f"{MARKER}ml.mse\nimport numpy as np\nfrom numpy.typing import ArrayLike\n"
        "from ladder.ml.metrics import _paired\n\n\n" + inspect.getsource(mean_squared_error)
    )
    nbformat.write(nb, str(path))
    ran = execute(path, tmp_path)
    out = text_of(ran.cells[-1])
    assert "ml.mse" in out and "passed" in out and "not attempted" not in out
    # The same workspace database holds both attempts, and the file holds the cell.
    store = Store.open(ws.db_path)
    try:
        assert [a["outcome"] for a in store.attempts("ml.mse")] == ["not_attempted", "passed"]
    finally:
        store.close()
    assert "np.mean((t - p) ** 2)" in (ws.root / "exercises/ml/mse.py").read_text()
    backups = list((ws.root / ".ladder/backups/exercises").glob("ml.mse-*.py"))
    assert backups  # the earlier file was kept


def test_lesson_and_lab_notebooks(ws, cur, tmp_path):
    lesson = write_notebook(cur, ws.root, "ml.linear-regression", tmp_path)
    nb = nbformat.read(str(lesson), as_version=4)
    checks = [c.source for c in nb.cells if c.source.startswith("check(")]
    assert checks == [f'check("{e.id}")' for e in cur.exercises_of("ml.linear-regression")]
    assert any("run_lab(" in c.source for c in nb.cells)
    lab = write_notebook(cur, ws.root, "ml.linear-regression-diabetes", tmp_path)
    ran = execute(lab, tmp_path)
    out = "".join(text_of(c) for c in ran.cells)
    assert "in band" in out and "OUT OF BAND" not in out
    assert any(
        o.get("output_type") == "display_data" for c in ran.cells for o in c.get("outputs", [])
    )
    assert list((ws.root / "runs" / "ml.linear-regression-diabetes").iterdir())
    store = Store.open(ws.db_path)
    try:
        assert "ml.linear-regression-diabetes" in store.labs_done()
    finally:
        store.close()


def test_unknown_id_is_refused(ws, cur, tmp_path):
    with pytest.raises(Refused, match="no lesson, exercise or lab"):
        write_notebook(cur, ws.root, "ml.nope", tmp_path)
