"""``ladder dev check``: the whole curriculum, validated the way the test suite does.

Loads every stage, checks cross-references, then grades, through the same contained
path a learner's file takes:

* every stub — it must not pass;
* every reference solution — it must pass its own checks;
* every *mutant* — a known-wrong solution kept in ``mutants/<stub stem>/`` — it must be
  rejected, and where its header names the misconception (``# likely: …``) the verdict
  must name it too;
* two mutants made here for every exercise: the reference under the learner's name
  (calling the answer) and, for a class, an empty subclass of the library's class.

The figure "mutants rejected / mutants" must be 100 %: a check that lets a known mistake
through is a hole a learner will fall into.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import re
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ladder.curriculum import ROOT, Curriculum, Exercise, Problem, load_curriculum
from ladder.curriculum.validate import validate

__all__ = [
    "dev_check",
    "run_checks",
    "MIN_MUTANTS",
    "Mutant",
    "mutants_of",
    "grade_all",
    "selected",
]

MIN_MUTANTS = 3  # hand-written mutants each exercise needs
_HEADER = re.compile(r"^#\s*(mutant|likely):\s*(.+?)\s*$")


@dataclass(frozen=True)
class Mutant:
    exercise: str
    name: str
    path: Path
    mistake: str
    likely: str | None
    automatic: bool = False


def _header(path: Path) -> tuple[str, str | None]:
    mistake, likely = "", None
    try:
        lines = path.read_text("utf-8").splitlines()[:10]
    except OSError:
        return "", None
    for line in lines:
        m = _HEADER.match(line)
        if m and m.group(1) == "mutant":
            mistake = m.group(2)
        elif m:
            likely = m.group(2)
    return mistake, likely


def mutants_of(ex: Exercise) -> list[Mutant]:
    """The hand-written mutants of ``ex``, in name order."""
    out = []
    if ex.mutants_dir.is_dir():
        for path in sorted(ex.mutants_dir.glob("*.py")):
            mistake, likely = _header(path)
            out.append(Mutant(ex.id, path.stem, path, mistake, likely))
    return out


def _automatic(ex: Exercise, folder: Path) -> list[Mutant]:
    module, _, attr = ex.solution.partition(":")
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    call = folder / f"{ex.entry}_calls_reference.py"
    if ex.writes:
        call.write_text(
            f"from {module} import {attr} as _Library\n\n\nclass {ex.entry}(_Library):\n    pass\n",
            "utf-8",
        )
        made.append(Mutant(ex.id, "(empty subclass)", call, "inherits every method", None, True))
    else:
        call.write_text(f"from {module} import {attr} as {ex.entry}  # noqa: F401\n", "utf-8")
        made.append(Mutant(ex.id, "(calls the reference)", call, "calls the reference", None, True))
    return made


@dataclass
class _Job:
    root: str
    exercise: str
    kind: str  # "stub" | "reference" | "mutant"
    path: str
    mutant: Mutant | None = None


@functools.cache
def _course(root: str) -> Curriculum:
    return load_curriculum(Path(root), strict=False)


def _run_job(job: _Job) -> tuple[_Job, dict]:
    from ladder.study.grader import grade

    ex = _course(job.root).exercises[job.exercise]
    v = grade(ex, Path(job.path), use_reference=job.kind == "reference")
    return job, v.to_dict()


def _verdict_names(verdict: dict, phrase: str) -> bool:
    phrase = phrase.lower()
    for c in verdict.get("checks", []):
        text = " ".join(filter(None, [c.get("misconception"), c.get("message")])).lower()
        if phrase in text:
            return True
    return phrase in verdict.get("reason", "").lower()


def run_checks(
    cur: Curriculum,
    root: Path = ROOT,
    workers: int | None = None,
    *,
    min_mutants: int = MIN_MUTANTS,
) -> list[Problem]:
    """Grade stubs (must fail), reference solutions (must pass) and mutants (must be
    rejected) in parallel processes; return the problems found."""
    return grade_all(cur, root, workers, min_mutants=min_mutants)[0]


def selected(cur: Curriculum, only: Sequence[str] | None) -> list[Exercise]:
    """The exercises ``only`` names (exercise ids or stage ids), in course order; all of
    them when ``only`` is empty."""
    wanted = set(only or ())
    return [
        ex
        for ex in cur.ordered_exercises()
        if not wanted or ex.id in wanted or ex.id.split(".", 1)[0] in wanted
    ]


def grade_all(
    cur: Curriculum,
    root: Path = ROOT,
    workers: int | None = None,
    *,
    min_mutants: int = MIN_MUTANTS,
    only: Sequence[str] | None = None,
) -> tuple[list[Problem], dict]:
    """The problems found, and the figure: mutants, rejected, written, automatic
    (``only``: just these exercises or stages)."""
    workers = workers or max(1, min(os.cpu_count() or 1, 8))
    problems: list[Problem] = []
    jobs: list[_Job] = []
    with tempfile.TemporaryDirectory(prefix="ladder-mutants-") as tmp:
        for ex in selected(cur, only):
            if not (ex.stub_path.is_file() and ex.checks_path.is_file()):
                continue
            jobs.append(_Job(str(root), ex.id, "stub", str(ex.stub_path)))
            jobs.append(_Job(str(root), ex.id, "reference", str(ex.stub_path)))
            written = mutants_of(ex)
            if len(written) < min_mutants:
                problems.append(
                    Problem(
                        ex.mutants_dir,
                        None,
                        f"{ex.id} has {len(written)} mutant(s); it needs at least {min_mutants} "
                        "(one per misconception its hints and checks name)",
                    )
                )
            for m in [*written, *_automatic(ex, Path(tmp) / ex.id)]:
                jobs.append(_Job(str(root), ex.id, "mutant", str(m.path), m))
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            results = list(pool.map(_run_job, jobs))
    figure = {"mutants": 0, "rejected": 0, "written": 0, "automatic": 0}
    for job, v in results:
        ex = cur.exercises[job.exercise]
        toml = ex.folder / "exercises.toml"
        outcome = v["outcome"]
        if job.kind == "stub" and outcome == "passed":
            problems.append(
                Problem(ex.stub_path, None, f"the stub of {ex.id!r} already passes its checks")
            )
        elif job.kind == "reference" and outcome != "passed":
            bad = [c for c in v["checks"] if c["status"] != "passed"]
            why = v["reason"] or (
                f"{bad[0]['description']}: {bad[0]['message']}" if bad else outcome
            )
            problems.append(
                Problem(toml, None, f"the reference solution of {ex.id!r} fails its checks ({why})")
            )
        elif job.kind == "mutant":
            m = job.mutant
            assert m is not None
            figure["mutants"] += 1
            figure["automatic" if m.automatic else "written"] += 1
            where = m.path if not m.automatic else ex.mutants_dir
            label = f"mutant {m.name!r} of {ex.id!r} ({m.mistake or 'no # mutant: line'})"
            syntax = v["reason"].startswith("your file has a syntax error")
            if outcome == "passed":
                problems.append(Problem(where, None, f"{label} passes the checks"))
            elif outcome == "not_attempted" or syntax:
                problems.append(Problem(where, None, f"{label} is not an attempt: {v['reason']}"))
            else:
                figure["rejected"] += 1
                if m.likely and not _verdict_names(v, m.likely):
                    problems.append(
                        Problem(
                            where,
                            None,
                            f"{label} is rejected but the verdict never says “{m.likely}”",
                        )
                    )
            if not m.automatic and not m.mistake:
                problems.append(
                    Problem(where, 1, f"{label} needs a first line `# mutant: <the mistake>`")
                )
    return problems, figure


def dev_check(
    root: Path = ROOT,
    *,
    run: bool = True,
    min_mutants: int = MIN_MUTANTS,
    only: Sequence[str] | None = None,
) -> dict:
    """Validate the whole course, then grade (``run``) every exercise's stub, reference
    and mutants, or only those of the exercises and stages in ``only``."""
    cur = load_curriculum(root, strict=False)
    problems = list(cur.problems) + validate(cur)
    figure: dict = {}
    if run and not problems:
        found, figure = grade_all(cur, root, min_mutants=min_mutants, only=only)
        problems += found
    from ladder.study.session import stage_counts

    counts = stage_counts(cur)
    stages = [
        {
            "id": s.id,
            "lessons": counts[s.id].lessons,
            "cards": counts[s.id].cards,
            "exercises": counts[s.id].exercises,
            "labs": counts[s.id].labs,
        }
        for s in cur.stages
    ]
    from ladder.curriculum.validate import concept_gaps
    from ladder.study.concepts import coverage

    return {
        "stages": stages,
        "concepts": {
            "count": len(cur.concepts),
            "coverage": coverage(cur),
            "gaps": concept_gaps(cur),
        },
        "mutants": figure,
        "errors": [str(p) for p in problems],
    }
