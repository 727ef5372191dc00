"""Review an exercise entry before a maintainer does: which fields break the rules?

``entry`` is one ``[[exercise]]`` table of an ``exercises.toml`` (a dict), ``stage`` the
stage it belongs to. Return the sorted list of field names with a problem (each once):

* any of ``id, lesson, title, file, checks, solution, hints`` missing → that field;
* ``id``: must match ``^[a-z][a-z0-9]*\\.[a-z0-9][a-z0-9-]*$`` and start with ``stage.``;
* ``lesson``: must start with ``stage.``;
* ``file``: a ``.py`` path starting with ``exercises/``; ``checks``: one starting ``checks/``;
* ``solution``: ``module.path:name`` (``^[a-zA-Z_][\\w.]*:[a-zA-Z_]\\w*$``);
* ``hints``: a non-empty list of non-empty strings, each at least as long as the one
  before (hints grow in detail);
* ``timeout`` (optional): when present, a number > 0.

    {"id": "ml.x", "lesson": "nlp.y", "title": "X", "file": "x.py", "checks": "checks/x.py",
     "solution": "f", "hints": ["a"]} in stage "nlp"  →  ["file", "id", "solution"]

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import re


def problem_fields(entry: dict, stage: str) -> list[str]:
    # TODO: collect the names of the fields that break a rule; return them sorted.
    raise NotImplementedError
