"""Checks for the exercise-entry review."""

from ladder.curriculum.expect import expect_equal

GOOD = {
    "id": "nlp.rouge-l",
    "lesson": "nlp.vector-space",
    "title": "ROUGE-L",
    "file": "exercises/rouge_l.py",
    "checks": "checks/rouge_l.py",
    "solution": "ladder.projects.rouge:lcs_length",
    "hints": [
        "Think of a table.",
        "L[i][j] depends on three neighbours.",
        "Fill row by row and return the last cell.",
    ],
}


def _check(submitted, reference, entry, stage="nlp", mistakes=()):
    expect = reference(dict(entry), stage)
    expect_equal(
        list(submitted(dict(entry), stage)),
        expect,
        inputs={"entry": entry, "stage": stage},
        mistakes=mistakes,
    )


def check_a_good_entry(submitted, reference):
    """a correct entry has no problems"""
    _check(
        submitted,
        reference,
        GOOD,
        mistakes=[(["hints"], "hints may grow or stay as long; check len(b) < len(a)")],
    )


def check_lesson_example(submitted, reference):
    """the docstring's entry: wrong stage in the id, a stub outside exercises/, no ':'"""
    entry = {
        "id": "ml.x",
        "lesson": "nlp.y",
        "title": "X",
        "file": "x.py",
        "checks": "checks/x.py",
        "solution": "f",
        "hints": ["a"],
    }
    _check(
        submitted,
        reference,
        entry,
        mistakes=[(["file", "solution"], "the id must start with this stage")],
    )


def check_missing_fields(submitted, reference):
    """missing fields are listed, sorted, once each"""
    entry = {k: v for k, v in GOOD.items() if k not in ("title", "checks")}
    _check(submitted, reference, entry)


def check_hints_must_grow(submitted, reference):
    """hints that shrink, or an empty hint list, are problems"""
    _check(
        submitted,
        reference,
        {**GOOD, "hints": ["A long and detailed first hint.", "short"]},
        mistakes=[([], "each hint must be at least as long as the one before")],
    )
    _check(submitted, reference, {**GOOD, "hints": []})


def check_solution_and_timeout(submitted, reference):
    """the solution needs 'module:name'; a timeout must be positive"""
    _check(
        submitted,
        reference,
        {**GOOD, "solution": "ladder.projects.rouge.lcs_length", "timeout": 0},
        mistakes=[(["timeout"], "the solution must look like 'package.module:name'")],
    )
    _check(submitted, reference, {**GOOD, "id": "nlp.Bad_Name", "lesson": "ml.x", "timeout": 5})
