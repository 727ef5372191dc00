"""A stub's copy of library code cannot drift from it unnoticed (``# mirrors`` markers),
and a stub keeps the reference's parameters."""

from __future__ import annotations

import shutil

from ladder.curriculum import ROOT, load_curriculum
from ladder.curriculum.mirrors import mirror_problems


def test_the_course_has_no_drift():
    cur = load_curriculum()
    assert [p for ex in cur.exercises.values() for p in mirror_problems(ex)] == []


def _copy_of(tmp_path, exercise_id):
    cur = load_curriculum()
    ex = cur.exercises[exercise_id]
    stub = tmp_path / ex.file
    stub.parent.mkdir(parents=True)
    shutil.copy(ex.stub_path, stub)
    return ex.model_copy(update={"folder": tmp_path}), stub


def test_a_changed_copy_is_reported(tmp_path):
    ex, stub = _copy_of(tmp_path, "transformer.kv-cache")
    stub.write_text(stub.read_text().replace("self.length = 0", "self.length = 1", 1))
    problems = mirror_problems(ex)
    assert any(
        "no longer equals ladder.transformer.kv_cache:KVCache.__init__" in p[2] for p in problems
    )


def test_a_changed_signature_is_reported(tmp_path):
    ex, stub = _copy_of(tmp_path, "ml.mse")
    stub.write_text(stub.read_text().replace("y_pred", "predictions"))
    assert any("signature of mean_squared_error" in p[2] for p in mirror_problems(ex))


def test_markers_name_real_code():
    marked = [
        line
        for path in ROOT.glob("*/exercises/*.py")
        for line in path.read_text("utf-8").splitlines()
        if "# mirrors " in line
    ]
    assert len(marked) >= 7
