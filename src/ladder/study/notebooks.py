"""Jupyter notebooks of the course: lessons, exercises with a ``check()`` cell, labs.

``ladder notebook ID [DIR]`` writes an ``.ipynb`` (nbformat 4) that runs on the ordinary
Python 3 kernel — JupyterLab, VS Code and Colab alike; there is no Ladder kernel:

* an **exercise** notebook: the lesson's text, a set-up cell, a code cell holding the
  learner's file (the stub until they write it) under a ``# ladder: ID`` line, and a
  ``check("ID")`` cell (the learntools pattern);
* a **lesson** notebook: the text, then each of its exercises as above, then its labs;
* a **lab** notebook: the lab's description and a cell that runs it through the library
  (:func:`run_lab`), showing its tables, plots and expected-result bands inline.

``check(ID)`` takes the newest run of the marked cell (or, outside IPython, the file as
it is), saves it as the workspace's exercise file (the earlier version kept in
``.ladder/backups/exercises/``), and runs ``python -m ladder check ID`` in a new process:
the same grader, the same verdict text, the same trust boundary (the checks never run
in the notebook's kernel, where the learner's code lives), and the attempt lands in the
workspace's progress database like any other.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ladder.curriculum import Curriculum, Exercise, Lab, Lesson

__all__ = [
    "MARKER",
    "use_workspace",
    "check",
    "run_lab",
    "exercise_notebook",
    "lesson_notebook",
    "lab_notebook",
    "write_notebook",
]

MARKER = "# ladder: "  # first line of an exercise's code cell, then its id
_state: dict[str, Path] = {}


# -- inside the notebook --------------------------------------------------------------------


def use_workspace(path: str | os.PathLike[str]) -> Path:
    """Use the workspace at ``path`` for ``check`` and ``run_lab`` (created there when
    missing, as on a fresh Colab machine)."""
    from ladder.study.workspace import MARKER as STATE

    root = Path(path).expanduser().resolve()
    if not (root / STATE).is_dir():
        from ladder.curriculum import load_curriculum
        from ladder.study.workspace import Workspace

        Workspace.init(root, load_curriculum())
    _state["workspace"] = root
    return root


def _workspace() -> Path:
    if "workspace" in _state:
        return _state["workspace"]
    from ladder.study.workspace import Workspace

    return Workspace.find().root


def _cell_source(exercise_id: str) -> str | None:
    """The newest cell run in this IPython session that starts with the exercise's
    marker line; None outside IPython or when none was run."""
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    shell = get_ipython()
    if shell is None:
        return None
    history = shell.user_ns.get("In", [])
    tag = f"{MARKER}{exercise_id}"
    for source in reversed(history):
        first = source.lstrip().splitlines()[0] if source.strip() else ""
        if first.strip().startswith(tag):
            return source
    return None


def _save_file(root: Path, target: Path, source: str, exercise_id: str) -> None:
    if target.exists():
        old = target.read_text("utf-8")
        if old == source:
            return
        folder = root / ".ladder" / "backups" / "exercises"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        shutil.copy2(target, folder / f"{exercise_id}-{stamp}.py")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(source, "utf-8")


def check(exercise_id: str) -> bool:
    """Grade an exercise from the notebook: save the newest run of its cell as the
    workspace file, run ``ladder check`` on it, print the verdict; True if it passed."""
    from ladder.curriculum import load_curriculum

    root = _workspace()
    cur = load_curriculum()
    if exercise_id not in cur.exercises:
        raise ValueError(f"there is no exercise {exercise_id!r}; `ladder list` shows them")
    ex = cur.exercises[exercise_id]
    source = _cell_source(exercise_id)
    if source is not None:
        _save_file(root, root / ex.workspace_name, source, ex.id)
    env = dict(os.environ, LADDER_WORKSPACE=str(root), NO_COLOR="1", COLUMNS="100")
    proc = subprocess.run(
        [sys.executable, "-m", "ladder", "check", exercise_id],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    print((proc.stdout + proc.stderr).rstrip())
    return proc.returncode == 0


@dataclass
class LabRun:
    lab: str
    status: str
    metrics: dict[str, Any]
    bands: list
    out_dir: Path


def run_lab(lab_id: str, quick: bool = False) -> LabRun:
    """Run a lab in the notebook through ``ladder.study.labs.run_lab`` (the function
    ``ladder run`` calls): tables, plots and bands inline; the run is recorded in the
    workspace like one from the terminal."""
    from ladder.curriculum import load_curriculum
    from ladder.study.bands import band_text, check_bands
    from ladder.study.labs import run_lab as run
    from ladder.study.store import Store

    root = _workspace()
    lab = load_curriculum().labs[lab_id]
    display = _display()

    def on_event(e: dict) -> None:
        if e["type"] == "log":
            print(e["message"])
        elif e["type"] == "table":
            display.table(e["title"], e["columns"], e["rows"])
        elif e["type"] == "figure":
            display.image(e["path"])

    store = Store.open(root / ".ladder" / "ladder.db")
    try:
        result = run(lab, root / "runs", on_event=on_event, quick=quick, store=store)
    finally:
        store.close()
    bands = check_bands(lab, result.context.metrics, quick) if result.status == "done" else []
    for b in bands:
        mark = "in band" if b.ok else f"OUT OF BAND ({b.status})"
        print(f"{b.metric} = {b.value:.4g}: {mark}, expected {band_text(b.low, b.high)}")
        for cause in b.causes:
            print(f"    likely: {cause}")
    if result.status != "done":
        print(f"The lab failed: {result.error}")
    return LabRun(lab.id, result.status, dict(result.context.metrics), bands, result.out_dir)


class _Plain:
    def table(self, title: str, columns: list, rows: list) -> None:
        print(title)
        print("  ".join(str(c) for c in columns))
        for r in rows:
            print("  ".join(f"{v:.4g}" if isinstance(v, float) else str(v) for v in r))

    def image(self, path: str) -> None:
        print(f"plot: {path}")


class _IPythonDisplay(_Plain):
    def __init__(self) -> None:
        from IPython import display

        self.d = display

    def table(self, title: str, columns: list, rows: list) -> None:
        import html

        def cell(v: Any) -> str:
            return html.escape(f"{v:.4g}" if isinstance(v, float) else str(v))

        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in columns)
        body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in r) + "</tr>" for r in rows)
        self.d.display(
            self.d.HTML(f"<b>{html.escape(title)}</b><table><tr>{head}</tr>{body}</table>")
        )

    def image(self, path: str) -> None:
        self.d.display(self.d.Image(filename=path))


def _display() -> _Plain:
    try:
        from IPython import get_ipython

        if get_ipython() is not None:
            return _IPythonDisplay()
    except ImportError:
        pass
    return _Plain()


# -- writing notebooks --------------------------------------------------------------------------


def _nb() -> Any:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def _setup_cell(root: Path) -> Any:
    import nbformat

    return nbformat.v4.new_code_cell(
        "# Run this cell first. On Colab, first run:  !pip install llm-ladder\n"
        "from ladder.study.notebooks import check, run_lab, use_workspace\n\n"
        f"use_workspace(r{str(root)!r})"
    )


def _lesson_text(lesson: Lesson) -> str:
    head = [f"# {lesson.title}", "", f"*{lesson.id} · {lesson.minutes} min*", ""]
    head += ["You will be able to:"] + [f"- {o}" for o in lesson.objectives]
    if lesson.papers:
        head += ["", "Papers:"] + [
            f"- {p.authors} ({p.year}). *{p.title}*. {p.link or ''}" for p in lesson.papers
        ]
    return "\n".join(head) + "\n\n" + lesson.body.strip()


def _exercise_cells(root: Path, ex: Exercise) -> list:
    import nbformat

    path = root / ex.workspace_name
    code = path.read_text("utf-8") if path.is_file() else ex.stub_path.read_text("utf-8")
    if code.lstrip().startswith(MARKER):  # written from a notebook before: one marker only
        code = code.lstrip().split("\n", 1)[1] if "\n" in code.lstrip() else ""
    marker = f"{MARKER}{ex.id} — write your solution here, run this cell, then check() below\n"
    return [
        nbformat.v4.new_markdown_cell(
            f"## Exercise: {ex.title}\n\n`{ex.id}` · your file: `{ex.workspace_name}`. "
            "Replace `raise NotImplementedError` with your code and run the cell; "
            "`check(...)` then grades it with the same checks as `ladder check`."
        ),
        nbformat.v4.new_code_cell(marker + code),
        nbformat.v4.new_code_cell(f'check("{ex.id}")'),
    ]


def _lab_cells(lab: Lab) -> list:
    import nbformat

    from ladder.study.bands import band_text

    module = lab.run.partition(":")[0]
    bands = "".join(
        f"\n- `{b.metric}`: {band_text(b.low, b.high)} (quick run: "
        f"{band_text(b.quick_low, b.quick_high)})"
        for b in lab.band
    )
    text = f"## Lab: {lab.title}\n\n`{lab.id}` · about {lab.minutes:g} min on a laptop CPU."
    if bands:
        text += "\n\nExpected figures:" + bands
    return [
        nbformat.v4.new_markdown_cell(text),
        nbformat.v4.new_code_cell(
            f'result = run_lab("{lab.id}", quick=True)  # quick=False for the full run\n'
            "result.metrics"
        ),
        nbformat.v4.new_code_cell(
            "# The lab's code, to read or change: it calls the library.\n"
            f"import {module} as lab_code\n"
            "help(lab_code.run)"
        ),
    ]


def exercise_notebook(cur: Curriculum, root: Path, ex: Exercise) -> Any:
    import nbformat

    nb = _nb()
    lesson = cur.lessons[ex.lesson]
    nb.cells = [
        nbformat.v4.new_markdown_cell(_lesson_text(lesson)),
        _setup_cell(root),
        *_exercise_cells(root, ex),
    ]
    return nb


def lesson_notebook(cur: Curriculum, root: Path, lesson: Lesson) -> Any:
    import nbformat

    nb = _nb()
    nb.cells = [nbformat.v4.new_markdown_cell(_lesson_text(lesson)), _setup_cell(root)]
    for ex in cur.exercises_of(lesson.id):
        nb.cells += _exercise_cells(root, ex)
    for lab in cur.labs_of(lesson.id):
        nb.cells += _lab_cells(lab)
    return nb


def lab_notebook(cur: Curriculum, root: Path, lab: Lab) -> Any:
    import nbformat

    nb = _nb()
    lesson = cur.lessons[lab.lesson]
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"# {lab.title}\n\nFrom the lesson *{lesson.title}*."),
        _setup_cell(root),
        *_lab_cells(lab),
    ]
    return nb


def write_notebook(cur: Curriculum, root: Path, target: str, out_dir: Path) -> Path:
    """Write the notebook of a lesson, exercise or lab id into ``out_dir``; returns its
    path (``<id>.ipynb``). An unknown id is a ``Refused``."""
    import nbformat

    from ladder.study.errors import Refused

    if target in cur.exercises:
        nb = exercise_notebook(cur, root, cur.exercises[target])
    elif target in cur.lessons:
        nb = lesson_notebook(cur, root, cur.lessons[target])
    elif target in cur.labs:
        nb = lab_notebook(cur, root, cur.labs[target])
    else:
        raise Refused(
            f"There is no lesson, exercise or lab {target!r}; `ladder lessons`, `ladder list` "
            "and `ladder run` list them."
        )
    nbformat.validate(nb)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{re.sub(r'[^a-z0-9.-]', '-', target)}.ipynb"
    nbformat.write(nb, str(path))
    return path
