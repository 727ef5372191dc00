"""What every command shares: the Typer apps, the console, argument types, and the few
helpers that turn ids and errors into what a learner reads."""

from __future__ import annotations

import difflib
import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

if TYPE_CHECKING:
    from ladder.curriculum import Curriculum, Exercise
    from ladder.study.workspace import Workspace

__all__ = [
    "app",
    "dev_app",
    "data_app",
    "export_app",
    "console",
    "Fail",
    "ExerciseArg",
    "JsonOption",
    "STATE_STYLE",
    "curriculum",
    "workspace",
    "pick",
    "exercise_of",
    "bar",
    "cell",
    "emit_json",
    "main",
]

app = typer.Typer(
    name="ladder",
    help="Ladder: from linear regression to large language models. "
    "Run `ladder` alone for the roadmap and your next step.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
dev_app = typer.Typer(help="Tools for course authors.", add_completion=False)
data_app = typer.Typer(help="Datasets: list what is here, add a local copy.", add_completion=False)
export_app = typer.Typer(help="Export cards to other tools.", add_completion=False)
app.add_typer(dev_app, name="dev")
app.add_typer(data_app, name="data")
app.add_typer(export_app, name="export")

console = Console(highlight=False)
STATE_STYLE = {
    "passed": "green",
    "incorrect": "red",
    "could_not_check": "yellow",
    "not_attempted": "dim",
    "not_started": "dim",
}

# Arguments several commands share.
ExerciseArg = Annotated[
    str | None,
    typer.Argument(help="Exercise id or its file (exercises/ml/mse.py); default: the current one."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]


class Fail(Exception):
    """A learner-facing error: printed as one sentence, exit code 1."""


def curriculum() -> Curriculum:
    from ladder.curriculum import load_curriculum

    return load_curriculum()


def workspace() -> Workspace:
    from ladder.study.workspace import Workspace

    return Workspace.find()


WHERE_LISTED = {
    "lesson": "`ladder lessons` lists them",
    "exercise": "`ladder list` shows them all",
    "exercise or stage": "`ladder list` shows the exercises, `ladder map` the stages",
    "lab": "`ladder run` lists the labs",
    "dataset": "`ladder data list` shows them all",
}


def pick(kind: str, wanted: str, known: list[str]) -> str:
    """``wanted`` if it is a known id, else a one-sentence error with the likeliest id."""
    if wanted in known:
        return wanted
    starts = [k for k in known if k.startswith(wanted)]
    close = starts[:1] or difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
    suggestion = f" Did you mean {close[0]!r}?" if close else ""
    listed = WHERE_LISTED.get(kind, "`ladder map` shows the course")
    raise Fail(f"There is no {kind} {wanted!r}.{suggestion} {listed}.")


def exercise_of(cur: Curriculum, ws: Workspace, wanted: str | None) -> Exercise:
    """The exercise named, or the current one."""
    from ladder.study.progress import current_exercise

    if wanted and (wanted.endswith(".py") or "/" in wanted or "\\" in wanted):
        from pathlib import Path

        target = Path(wanted).expanduser().resolve()
        for ex in cur.ordered_exercises():
            if ws.exercise_path(ex).resolve() == target:
                return ex
        raise Fail(
            f"{wanted} is not one of this workspace's exercise files; `ladder list` shows "
            "each exercise with its file."
        )
    if wanted:
        return cur.exercises[pick("exercise", wanted, list(cur.exercises))]
    ex = current_exercise(cur, ws.store)
    if ex is None:
        raise Fail(
            "Every exercise is passed. `ladder list` shows them; `ladder review` keeps them fresh."
        )
    return ex


def bar(done: int, total: int, width: int = 20) -> str:
    if total == 0:
        return "[dim]" + "·" * width + "[/dim]"
    filled = round(width * done / total)
    return f"[green]{'█' * filled}[/green][dim]{'░' * (width - filled)}[/dim]"


def cell(value: Any) -> str:
    """A table cell: a number as a person writes it (``31,240``, ``0.3069``), a dash for
    "not applicable" (:func:`ladder.study.labs.human_number`)."""
    from ladder.study.labs import human_number

    return human_number(value)


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")


def _learner_error(exc: BaseException) -> bool:
    """Errors a learner can cause (reported in one sentence), told apart without importing
    their modules up front, so `ladder --help` stays fast."""
    names = {
        "Fail",
        "Refused",
        "NoWorkspace",
        "StoreError",
        "DatasetUnavailable",
        "ProjectInputError",
        "ModelNotTrained",
    }
    return type(exc).__module__.startswith("ladder.") and any(
        c.__name__ in names for c in type(exc).__mro__
    )


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        err = Console(stderr=True, highlight=False)
        if _learner_error(exc):
            err.print(f"[red]Error:[/red] {escape(str(exc))}", soft_wrap=True)
            sys.exit(1)
        if type(exc).__name__ == "CurriculumError":
            err.print(f"The course files are broken: {exc}", markup=False)
            sys.exit(2)
        raise
