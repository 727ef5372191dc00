"""``ladder dev check``: the whole curriculum, validated the way the test suite does.

Loads every stage, checks cross-references, then grades every stub (it must not pass)
and every reference solution (it must pass its own checks).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ladder.curriculum import ROOT, Curriculum, Exercise, Problem, load_curriculum
from ladder.curriculum.validate import validate
from ladder.study.grader import grade

__all__ = ["dev_check", "run_checks"]


def run_checks(cur: Curriculum, workers: int = 2) -> list[Problem]:
    """Grade each stub (must fail) and each reference solution (must pass)."""

    def one(ex: Exercise) -> list[Problem]:
        out = []
        toml = ex.folder / "exercises.toml"
        if ex.stub_path.is_file() and ex.checks_path.is_file():
            stub = grade(ex, ex.stub_path)
            if stub.outcome == "passed":
                out.append(
                    Problem(ex.stub_path, None, f"the stub of {ex.id!r} already passes its checks")
                )
            ref = grade(ex, ex.stub_path, use_reference=True)
            if ref.outcome != "passed":
                bad = [c for c in ref.checks if c.status != "passed"]
                why = ref.reason or (
                    f"{bad[0].description}: {bad[0].message}" if bad else ref.outcome
                )
                out.append(
                    Problem(
                        toml, None, f"the reference solution of {ex.id!r} fails its checks ({why})"
                    )
                )
        return out

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return [p for found in pool.map(one, cur.ordered_exercises()) for p in found]


def dev_check(root: Path = ROOT, *, run: bool = True) -> dict:
    cur = load_curriculum(root, strict=False)
    problems = list(cur.problems) + validate(cur)
    if run and not problems:
        problems += run_checks(cur)
    stages = []
    for s in cur.stages:
        stages.append(
            {
                "id": s.id,
                "lessons": len(s.lessons),
                "cards": sum(len(cur.cards_of(l)) for l in s.lessons),
                "exercises": sum(len(cur.exercises_of(l)) for l in s.lessons),
                "labs": sum(len(cur.labs_of(l)) for l in s.lessons),
            }
        )
    return {"stages": stages, "errors": [str(p) for p in problems]}
