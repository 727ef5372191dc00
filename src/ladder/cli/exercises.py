"""``ladder check``, ``watch``, ``hint``, ``solution`` and ``reset``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from ladder.cli.common import (
    STATE_STYLE,
    ExerciseArg,
    Fail,
    app,
    console,
    curriculum,
    exercise_of,
    pick,
    workspace,
)

if TYPE_CHECKING:
    from ladder.curriculum import Curriculum, Exercise
    from ladder.study.grader import Verdict, WarmGrader
    from ladder.study.workspace import Workspace


def print_verdict(ex: Exercise, path: Path, v: Verdict) -> None:
    from ladder.study.session import STATE_LABEL

    style = STATE_STYLE[v.outcome]
    icon = {"passed": "✓", "incorrect": "✗", "could_not_check": "!", "not_attempted": "…"}[
        v.outcome
    ]
    console.print(
        f"[{style}]{icon} {ex.id} — {ex.title}: {STATE_LABEL[v.outcome]}[/{style}]  "
        f"[dim]{path}[/dim]"
    )
    if v.outcome == "not_attempted":
        console.print(
            "  The file still raises NotImplementedError: replace it with your code, "
            "then run `ladder check` again."
        )
        return
    if v.reason and v.outcome == "could_not_check":
        console.print(f"  {v.reason}", markup=False)
    from ladder.study.session import check_errors

    errors = check_errors(v)  # each traceback once, as the web app shows them
    for c, shown in zip(v.checks, errors, strict=True):
        mark = {
            "passed": "[green]✓[/green]",
            "failed": "[red]✗[/red]",
            "error": "[yellow]![/yellow]",
            "not_attempted": "[dim]…[/dim]",
            "not_run": "[dim]-[/dim]",
        }[c.status]
        suffix = " [dim](not run)[/dim]" if c.status == "not_run" else ""
        console.print(f"  {mark} {escape(c.description)}{suffix}")
        if c.status == "failed":
            for label, value in (
                ("", c.message),
                ("input", c.inputs),
                ("expected", c.expected),
                ("got", c.actual),
                ("likely", c.misconception),
            ):
                if value:
                    text = f"{label + ':':<10}{value}" if label else value
                    console.print("      " + text.replace("\n", "\n      "), markup=False)
        elif c.status == "error" and shown:
            style = "dim" if shown == "the same error again" else None
            console.print("      " + shown.replace("\n", "\n      "), markup=False, style=style)
    if v.output and v.outcome != "passed":
        console.print("  [dim]your code printed:[/dim]")
        for line in v.output.splitlines():
            console.print("    " + line[:200], markup=False)


def _grade_and_print(ws: Workspace, ex: Exercise, warm: WarmGrader | None = None) -> Verdict:
    from ladder.study.session import check as check_exercise

    verdict = check_exercise(ws.store, ex, ws.exercise_path(ex), warm=warm)
    print_verdict(ex, ws.exercise_path(ex), verdict)
    from ladder.cli.notes import print_recall

    print_recall(curriculum(), getattr(verdict, "recall", None))
    return verdict


def _after_pass(cur: Curriculum, ws: Workspace) -> Exercise | None:
    from ladder.study.progress import current_exercise

    nxt = current_exercise(cur, ws.store)
    if nxt is None:
        console.print("Every exercise is passed. Well done.")
    else:
        console.print(f"Next exercise: {nxt.id} — {nxt.title} in [bold]{nxt.workspace_name}[/bold]")
    return nxt


@app.command()
def check(
    exercise: ExerciseArg = None,
) -> None:
    """Grade an exercise (default: the current one)."""
    cur, ws = curriculum(), workspace()
    ex = exercise_of(cur, ws, exercise)
    verdict = _grade_and_print(ws, ex)
    if verdict.passed:
        _after_pass(cur, ws)
    elif verdict.outcome == "incorrect":
        console.print("Fix the file and run `ladder check` again; `ladder hint` gives a hint.")
    if not verdict.passed:
        raise typer.Exit(1)


def _file_signature(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_mtime_ns, st.st_size)


@app.command()
def watch(
    exercise: ExerciseArg = None,
) -> None:
    """Re-grade on every save; move to the next exercise when one passes. Ctrl-C stops."""
    from watchfiles import watch as watch_files

    from ladder.study.grader import WarmGrader

    cur, ws = curriculum(), workspace()
    ex = exercise_of(cur, ws, exercise)
    warm = WarmGrader()  # the next check's sandbox starts while you edit
    try:
        while True:
            console.rule(ex.id)
            path = ws.exercise_path(ex)
            graded = _file_signature(path)  # taken before grading: a save meanwhile counts
            verdict = _grade_and_print(ws, ex, warm)
            if verdict.passed:
                nxt = _after_pass(cur, ws)
                if nxt is None:
                    return
                ex = nxt
                continue
            warm.prepare(ex)
            console.print(f"[dim]Watching {path} — save it to check again (Ctrl-C to stop).[/dim]")
            # Wake on a change event or every half second, and compare the file itself, so
            # a save made before the watcher started is not missed.
            for _changes in watch_files(
                path.parent,
                debounce=200,
                step=50,
                rust_timeout=500,
                yield_on_timeout=True,
                watch_filter=lambda _c, p, path=path: Path(p) == path,
            ):
                if _file_signature(path) != graded:
                    break
    except KeyboardInterrupt:
        console.print("\nStopped watching.")
    finally:
        warm.close()


@app.command()
def hint(
    exercise: ExerciseArg = None,
) -> None:
    """Show the next hint for an exercise."""
    from ladder.study.session import reveal_hint

    cur, ws = curriculum(), workspace()
    ex = exercise_of(cur, ws, exercise)
    hints, none_left = reveal_hint(ws.store, ex)
    console.print(f"[bold]{ex.id} — {ex.title}[/bold]")
    for i, text in enumerate(hints, 1):
        console.print(f"  Hint {i}/{len(ex.hints)}: {text}", markup=False)
    if none_left:
        console.print(
            "That was the last hint; `ladder solution` shows the reference once you have tried."
        )


@app.command()
def solution(
    exercise: ExerciseArg = None,
) -> None:
    """Show the reference solution, once you have made an attempt."""
    from rich.syntax import Syntax

    from ladder.study.session import reveal_solution

    cur, ws = curriculum(), workspace()
    ex = exercise_of(cur, ws, exercise)
    source = reveal_solution(ws.store, ex)
    console.print(f"[bold]Reference solution of {ex.id}[/bold] — {ex.solution.replace(':', '.')}")
    console.print(Syntax(source, "python", theme="ansi_dark", line_numbers=False))


@app.command()
def reset(exercise: Annotated[str, typer.Argument(help="Exercise id.")]) -> None:
    """Restore an exercise's stub; your version is saved in .ladder/backups/."""
    cur, ws = curriculum(), workspace()
    ex = cur.exercises[pick("exercise", exercise, list(cur.exercises))]
    saved = ws.reset(ex)
    where = f"; your version is saved as {saved}" if saved else ""
    console.print(f"Restored {ex.workspace_name}{where}.")


__all__ = ["print_verdict", "check", "watch", "hint", "solution", "reset", "Fail"]
