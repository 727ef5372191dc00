"""The curriculum is valid: the same checks as `ladder dev check`, plus proof that the
validator catches each kind of broken content (with file and line)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ladder.curriculum import ROOT, STAGE_IDS, load_curriculum
from ladder.curriculum.validate import validate
from ladder.study.devcheck import dev_check, run_checks


@pytest.fixture(scope="module")
def cur():
    return load_curriculum()


def test_all_eight_stages_with_goals(cur):
    assert [s.id for s in cur.stages] == list(STAGE_IDS)
    assert all(s.goals for s in cur.stages)


def test_cross_references(cur):
    assert [str(p) for p in validate(cur)] == []


def test_every_stub_fails_every_solution_passes_and_every_mutant_is_rejected(cur):
    # Each exercise has at least three known-wrong solutions (mutants); every one must be
    # rejected, and named where its header says which misconception it shows.
    assert [str(p) for p in run_checks(cur)] == []


def test_every_hint_card_and_lab_points_at_a_lesson(cur):
    for item in [*cur.cards.values(), *cur.exercises.values(), *cur.labs.values()]:
        assert item.lesson in cur.lessons, item.id
    assert all(len(e.hints) >= 2 for e in cur.exercises.values())


def test_pilot_lesson_is_complete(cur):
    lesson = "ml.linear-regression"
    cards = cur.cards_of(lesson)
    assert len(cards) >= 8 and sum(c.auto_checked for c in cards) >= 3
    assert len(cur.exercises_of(lesson)) >= 4 and cur.labs_of(lesson)


# -- the validator catches broken content -------------------------------------------------


@pytest.fixture
def copy(tmp_path) -> Path:
    root = tmp_path / "curriculum"
    shutil.copytree(
        ROOT,
        root,
        ignore=shutil.ignore_patterns("__pycache__", "*.py", "AUTHORING.md"),
        dirs_exist_ok=True,
    )
    # keep the exercise and check files (they are .py) of every stage
    for stage in ROOT.glob("[0-9][0-9]_*"):
        for sub in ("exercises", "checks"):
            if (stage / sub).is_dir():
                shutil.copytree(stage / sub, root / stage.name / sub, dirs_exist_ok=True)
    return root


def _errors(root: Path) -> list[str]:
    return dev_check(root, run=False)["errors"]


def test_copy_is_clean(copy):
    assert _errors(copy) == []


def test_bad_toml_reports_file_and_line(copy):
    cards = copy / "01_ml" / "cards.toml"
    lines = cards.read_text().splitlines()
    lines[5] = 'kind = "basic'  # unterminated string on line 6
    cards.write_text("\n".join(lines))
    errors = _errors(copy)
    assert any("cards.toml:6" in e and "not valid TOML" in e for e in errors), errors


def test_duplicate_card_id(copy):
    cards = copy / "01_ml" / "cards.toml"
    text = cards.read_text()
    cards.write_text(
        text + '\n[[card]]\nid = "ml.ls-objective"\nlesson = "ml.linear-regression"\n'
        'kind = "basic"\nfront = "again"\nback = "again"\n'
    )
    assert any("duplicate card id 'ml.ls-objective'" in e for e in _errors(copy))


def test_unknown_lesson_and_wrong_field(copy):
    cards = copy / "01_ml" / "cards.toml"
    cards.write_text(
        cards.read_text() + '\n[[card]]\nid = "ml.orphan"\nlesson = "ml.nothing"\n'
        'kind = "basic"\nfront = "?"\nback = "!"\n\n[[card]]\nid = "ml.typo"\n'
        'lesson = "ml.linear-regression"\nkind = "basic"\nfornt = "?"\nback = "!"\n'
    )
    errors = _errors(copy)
    assert any("unknown lesson 'ml.nothing'" in e for e in errors)
    # index() counts from 0, so it is the 1-based number of the line before: the [[card]] header.
    typo_line = cards.read_text().splitlines().index('id = "ml.typo"')
    assert any(f"cards.toml:{typo_line}" in e and "fornt" in e for e in errors), errors


def test_orphan_lesson_and_missing_stub(copy):
    (copy / "01_ml" / "stray.md").write_text(
        '+++\nid = "ml.stray"\ntitle = "x"\nobjectives = ["x"]\n+++\nBody'
    )
    (copy / "01_ml" / "exercises" / "mse.py").unlink()
    (copy / "01_ml" / "checks" / "unused.py").write_text("def check_x(s, r):\n    pass\n")
    errors = _errors(copy)
    assert any("ml.stray" in e and "not in its stage.toml" in e for e in errors)
    assert any("ml.stray" in e and "has no cards" in e for e in errors)
    assert any("stub file mse.py does not exist" in e for e in errors)
    assert any("unused.py" in e and "orphan" in e for e in errors)


def test_solution_that_does_not_import(copy):
    toml = copy / "01_ml" / "exercises.toml"
    toml.write_text(
        toml.read_text().replace(
            "ladder.ml.metrics:mean_squared_error", "ladder.ml.metrics:mean_squared_eror"
        )
    )
    errors = _errors(copy)
    assert any("does not import" in e for e in errors)
    assert any("does not define 'mean_squared_eror'" in e for e in errors)


def test_a_stub_that_passes_and_a_solution_that_fails_are_caught(copy):
    stub = copy / "01_ml" / "exercises" / "mse.py"
    stub.write_text(
        "import numpy as np\n# NotImplementedError kept for the validator\n"
        "def mean_squared_error(y_true, y_pred):\n"
        "    d = np.asarray(y_true, float) - np.asarray(y_pred, float)\n"
        "    return float(np.mean(d**2))\n"
    )
    check = copy / "01_ml" / "checks" / "r2.py"
    check.write_text(
        check.read_text() + "\n\ndef check_impossible(submitted, reference):\n"
        "    from ladder.curriculum.expect import expect_true\n    expect_true(False, 'never')\n"
    )
    errors = dev_check(copy, only=["ml.mse", "ml.r2"])["errors"]  # (grading all: a minute)
    assert any("stub of 'ml.mse' already passes" in e for e in errors), errors
    assert any("reference solution of 'ml.r2' fails" in e for e in errors), errors


def test_the_cache_key_changes_with_any_file_of_the_course(tmp_path):
    # The pickled course is keyed by the size and time of every file: an edit anywhere
    # (a nested exercise, a new file) gives a new key; compiled files do not count.
    from ladder.curriculum.loader import fingerprint

    root = tmp_path / "course"
    (root / "01_ml" / "exercises" / "ml").mkdir(parents=True)
    (root / "01_ml" / "cards.toml").write_text("[[card]]\n")
    nested = root / "01_ml" / "exercises" / "ml" / "mse.py"
    nested.write_text("def f(): ...\n")
    key = fingerprint(root)
    assert fingerprint(root) == key
    (root / "01_ml" / "__pycache__").mkdir()
    (root / "01_ml" / "__pycache__" / "x.pyc").write_bytes(b"0")
    assert fingerprint(root) == key
    nested.write_text("def f(): return 1\n")  # longer: a new size
    assert fingerprint(root) != key
    key = fingerprint(root)
    (root / "01_ml" / "exercises" / "new.toml").write_text("")
    assert fingerprint(root) != key
