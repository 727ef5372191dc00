"""Cross-reference checks on a loaded curriculum (everything short of running code).

Running the checks themselves (every stub fails, every reference solution passes) is
:func:`ladder.study.devcheck.run_checks`, which needs the grader.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

from ladder.curriculum.cardlint import lint_card
from ladder.curriculum.loader import Curriculum, Problem

__all__ = ["validate", "resolve", "concept_problems", "concept_gaps", "find_cycle"]


def resolve(dotted: str) -> object:
    """Import ``"package.module:name"`` and return the object."""
    module, _, name = dotted.partition(":")
    obj = importlib.import_module(module)
    for part in name.split("."):
        obj = getattr(obj, part)
    return obj


def _defined_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _check_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    return [
        n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("check_")
    ]


def validate(cur: Curriculum, *, imports: bool = True) -> list[Problem]:
    """Return every cross-reference problem (the loader's own problems are separate)."""
    out: list[Problem] = []
    listed: dict[str, str] = {}
    for stage in cur.stages:
        for lid in stage.lessons:
            if lid in listed:
                out.append(
                    Problem(stage.folder / "stage.toml", None, f"lesson {lid!r} listed twice")
                )
            listed[lid] = stage.id
            if lid not in cur.lessons:
                out.append(
                    Problem(stage.folder / "stage.toml", None, f"lists unknown lesson {lid!r}")
                )
    for lesson in cur.lessons.values():
        if lesson.id not in listed:
            out.append(
                Problem(lesson.path, 1, f"lesson {lesson.id!r} is not in its stage.toml `lessons`")
            )
        elif listed[lesson.id] != lesson.stage or lesson.path.parent.name[3:] != lesson.stage:
            out.append(
                Problem(lesson.path, 1, f"lesson {lesson.id!r} is in the wrong stage folder")
            )
        for pre in lesson.prerequisites:
            if pre not in cur.lessons:
                out.append(Problem(lesson.path, 1, f"prerequisite {pre!r} is not a lesson"))
        if not cur.cards_of(lesson.id):
            out.append(Problem(lesson.path, 1, f"lesson {lesson.id!r} has no cards"))
        if imports:
            for mod in lesson.modules:
                try:
                    importlib.import_module(mod)
                except Exception as exc:  # noqa: BLE001 - any failure is the finding
                    out.append(Problem(lesson.path, 1, f"module {mod!r} does not import: {exc}"))

    def _lesson_ref(kind: str, item_id: str, lesson_id: str, file: Path) -> None:
        if lesson_id not in cur.lessons:
            out.append(
                Problem(file, None, f"{kind} {item_id!r} refers to unknown lesson {lesson_id!r}")
            )
        elif item_id.split(".")[0] != lesson_id.split(".")[0]:
            out.append(Problem(file, None, f"{kind} {item_id!r} is not in its lesson's stage"))

    folders = {s.id: s.folder for s in cur.stages}
    for card in cur.cards.values():
        folder = folders.get(card.id.split(".")[0], Path())
        _lesson_ref("card", card.id, card.lesson, folder / "cards.toml")
        if card.deck == "papers":
            continue  # made from a lesson's papers; their ideas are checked with the lesson
        for reason in lint_card(card):
            out.append(Problem(folder / "cards.toml", None, f"card {card.id!r} {reason}"))
    for lab in cur.labs.values():
        folder = folders.get(lab.id.split(".")[0], Path())
        _lesson_ref("lab", lab.id, lab.lesson, folder / "labs.toml")
        if imports:
            try:
                resolve(lab.run)
            except Exception as exc:  # noqa: BLE001
                out.append(
                    Problem(
                        folder / "labs.toml",
                        None,
                        f"lab {lab.id!r}: {lab.run} does not import: {exc}",
                    )
                )

    used: set[Path] = set()
    names_seen: dict[str, str] = {}
    for ex in cur.exercises.values():
        toml = ex.folder / "exercises.toml"
        _lesson_ref("exercise", ex.id, ex.lesson, toml)
        if ex.workspace_name in names_seen:
            out.append(
                Problem(
                    toml,
                    None,
                    f"exercises {names_seen[ex.workspace_name]!r} and {ex.id!r} "
                    f"share the file name {ex.file!r}",
                )
            )
        names_seen[ex.workspace_name] = ex.id
        for label, path in (("stub", ex.stub_path), ("checks", ex.checks_path)):
            used.add(path.resolve())
            if not path.is_file():
                out.append(
                    Problem(
                        toml, None, f"exercise {ex.id!r}: {label} file {path.name} does not exist"
                    )
                )
        if not (ex.stub_path.is_file() and ex.checks_path.is_file()):
            continue
        try:
            stub_names = _defined_names(ex.stub_path)
            if ex.entry not in stub_names:
                out.append(
                    Problem(
                        ex.stub_path,
                        None,
                        f"the stub does not define {ex.entry!r}, the name its solution has",
                    )
                )
            if "NotImplementedError" not in ex.stub_path.read_text("utf-8"):
                out.append(
                    Problem(
                        ex.stub_path,
                        None,
                        "a stub keeps `raise NotImplementedError` where the learner writes code",
                    )
                )
        except SyntaxError as exc:
            out.append(Problem(ex.stub_path, exc.lineno, f"stub is not valid Python: {exc.msg}"))
        if imports:
            from ladder.curriculum.mirrors import mirror_problems

            out += [Problem(f, line, why) for f, line, why in mirror_problems(ex)]
        try:
            if not _check_functions(ex.checks_path):
                out.append(Problem(ex.checks_path, None, "defines no check_* function"))
        except SyntaxError as exc:
            out.append(
                Problem(ex.checks_path, exc.lineno, f"checks are not valid Python: {exc.msg}")
            )
        if imports:
            try:
                resolve(ex.solution)
            except Exception as exc:  # noqa: BLE001
                out.append(
                    Problem(
                        toml,
                        None,
                        f"exercise {ex.id!r}: solution {ex.solution} does not import: {exc}",
                    )
                )

    out += concept_problems(cur)
    for stage in cur.stages:
        for sub in ("exercises", "checks"):
            for py in sorted((stage.folder / sub).glob("*.py")):
                if py.resolve() not in used and py.name != "__init__.py":
                    out.append(Problem(py, None, "orphan file: no exercise refers to it"))
    return out


def find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """A cycle of ``graph`` (node → the nodes it requires) as a path that ends where it
    starts, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in graph:
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def concept_problems(cur: Curriculum) -> list[Problem]:
    """The prerequisite graph and the tags: no unknown concept, no cycle, every concept
    taught, no concept resting on one taught only later. What is not tagged yet is a gap
    (:func:`concept_gaps`), shown by ``ladder dev check``, not an error."""
    from ladder.curriculum.loader import ROOT

    graph_file = (cur.stages[0].folder.parent if cur.stages else ROOT) / "concepts.toml"
    out: list[Problem] = []
    known = cur.concepts

    def unknown(where: Path, what: str, names: list[str]) -> None:
        for name in names:
            if name not in known:
                out.append(Problem(where, None, f"{what} names unknown concept {name!r}"))

    for concept in known.values():
        unknown(graph_file, f"concept {concept.id!r}", concept.requires)
        if concept.id in concept.requires:
            out.append(Problem(graph_file, None, f"concept {concept.id!r} requires itself"))
    cycle = find_cycle({c.id: [r for r in c.requires if r in known] for c in known.values()})
    if cycle:
        out.append(
            Problem(graph_file, None, "the prerequisite graph has a cycle: " + " → ".join(cycle))
        )
    order = {l.id: n for n, l in enumerate(cur.ordered_lessons())}
    first: dict[str, int] = {}
    for lesson in cur.lessons.values():
        unknown(lesson.path, f"lesson {lesson.id!r}", lesson.concepts)
        for c in lesson.concepts:
            first[c] = min(first.get(c, 1 << 30), order.get(lesson.id, 1 << 30))
    folders = {s.id: s.folder for s in cur.stages}
    for card in cur.cards.values():
        unknown(
            folders.get(card.id.split(".")[0], Path()) / "cards.toml",
            f"card {card.id!r}",
            card.concepts,
        )
    for ex in cur.exercises.values():
        unknown(ex.folder / "exercises.toml", f"exercise {ex.id!r}", ex.concepts)
    for concept in known.values():
        if concept.id not in first:
            out.append(Problem(graph_file, None, f"concept {concept.id!r} is taught by no lesson"))
            continue
        for r in concept.requires:
            if r in first and first[r] > first[concept.id]:
                out.append(
                    Problem(
                        graph_file,
                        None,
                        f"concept {concept.id!r} requires {r!r}, which is first taught later",
                    )
                )
    return out


def concept_gaps(cur: Curriculum) -> list[str]:
    """What is not tagged yet: lessons without concepts (their items take no part in
    prerequisites, mastery or paper matching) and papers without their key idea (no card
    in the papers deck). ``ladder dev check`` lists them beside the coverage."""
    gaps = []
    for lesson in cur.ordered_lessons():
        if not lesson.concepts:
            gaps.append(f"lesson {lesson.id} names no `concepts`")
        for paper in lesson.papers:
            if not paper.idea.strip():
                gaps.append(f"lesson {lesson.id}: paper {paper.title[:50]!r} has no `idea`")
    return gaps
