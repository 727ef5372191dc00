"""Contributing an exercise to Ladder: the rules of an ``exercises.toml`` entry, checked.

A maintainer reviews a contribution faster when the machine has already said what is
missing. :func:`entry_problems` applies the rules of ``curriculum/AUTHORING.md`` to one
exercise entry (a dict as TOML parses it) and lists every problem in one sentence each:
the fields that must be there, the id's form and stage, the paths of the stub and the
checks, the solution's ``module:name`` form, hints that grow in detail, and limits that
make sense. ``ladder dev check`` then runs the entry for real (the stub must fail, the
reference and nothing wrong must pass, every mutant must be rejected).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["REQUIRED", "entry_problems", "problem_fields"]

REQUIRED = ("id", "lesson", "title", "file", "checks", "solution", "hints")
_ID = re.compile(r"^[a-z][a-z0-9]*\.[a-z0-9][a-z0-9-]*$")
_SOLUTION = re.compile(r"^[a-zA-Z_][\w.]*:[a-zA-Z_]\w*$")


def _problems(entry: dict[str, Any], stage: str) -> list[tuple[str, str]]:
    problems = [(name, f"the field {name!r} is missing") for name in REQUIRED if name not in entry]
    ex_id = entry.get("id")
    if isinstance(ex_id, str):
        if not _ID.match(ex_id):
            problems.append(("id", f"the id {ex_id!r} must look like 'stage.some-name'"))
        elif ex_id.split(".", 1)[0] != stage:
            problems.append(("id", f"the id {ex_id!r} must start with the stage '{stage}.'"))
    lesson = entry.get("lesson")
    if isinstance(lesson, str) and not lesson.startswith(f"{stage}."):
        problems.append(("lesson", f"the lesson {lesson!r} is not a lesson of stage {stage!r}"))
    for field, folder in (("file", "exercises/"), ("checks", "checks/")):
        path = entry.get(field)
        if isinstance(path, str) and not (path.startswith(folder) and path.endswith(".py")):
            problems.append((field, f"the {field} {path!r} must be a .py file in {folder}"))
    solution = entry.get("solution")
    if isinstance(solution, str) and not _SOLUTION.match(solution):
        problems.append(("solution", f"the solution {solution!r} must be 'package.module:name'"))
    hints = entry.get("hints")
    if "hints" in entry:
        if not isinstance(hints, list) or not hints:
            problems.append(("hints", "hints must be a non-empty list of strings"))
        elif any(not isinstance(h, str) or not h.strip() for h in hints):
            problems.append(("hints", "every hint must be a non-empty string"))
        elif any(len(b) < len(a) for a, b in zip(hints, hints[1:], strict=False)):
            problems.append(
                ("hints", "hints must grow in detail: each at least as long as the one before")
            )
    timeout = entry.get("timeout")
    if timeout is not None and (not isinstance(timeout, (int, float)) or timeout <= 0):
        problems.append(
            ("timeout", f"the timeout {timeout!r} must be a positive number of seconds")
        )
    return problems


def entry_problems(entry: dict[str, Any], stage: str) -> list[str]:
    """Every problem of one exercise entry of stage ``stage``, one sentence each; an empty
    list when the entry is fine.

    >>> entry_problems({"id": "nlp.x", "lesson": "nlp.y", "title": "X", "file": "exercises/x.py",
    ...                 "checks": "checks/x.py", "solution": "ladder.nlp.x:f",
    ...                 "hints": ["a nudge", "more detail here"]}, "nlp")
    []
    """
    return [message for _, message in _problems(entry, stage)]


def problem_fields(entry: dict[str, Any], stage: str) -> list[str]:
    """The fields of the entry that have a problem, sorted, each once.

    Rules: every field of ``REQUIRED`` present; ``id`` of the form ``stage.name`` and of
    this stage; ``lesson`` of this stage; ``file`` a ``.py`` in ``exercises/``, ``checks``
    a ``.py`` in ``checks/``; ``solution`` of the form ``module:name``; ``hints`` a
    non-empty list of non-empty strings, each at least as long as the one before;
    ``timeout``, when given, a positive number.

    >>> problem_fields({"id": "ml.x", "lesson": "nlp.y", "title": "X", "file": "x.py",
    ...                 "checks": "checks/x.py", "solution": "f", "hints": ["a"]}, "nlp")
    ['file', 'id', 'solution']
    """
    return sorted({field for field, _ in _problems(entry, stage)})
