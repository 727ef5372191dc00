"""The ``ladder`` command: parses, calls ``ladder.study`` and the labs, prints.

Every command's logic lives in ``ladder.study`` (the web app calls the same functions).
Heavy libraries are imported inside the commands that need them, so ``ladder`` and
``ladder --help`` start fast. Errors a learner can cause end in one sentence and exit 1.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

if TYPE_CHECKING:
    from ladder.curriculum import Curriculum, Exercise
    from ladder.study.grader import Verdict
    from ladder.study.workspace import Workspace

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
STATE_LABEL = {
    "passed": "passed",
    "incorrect": "incorrect",
    "could_not_check": "could not check",
    "not_attempted": "not attempted",
    "not_started": "not started",
}


# Arguments several commands share.
ExerciseArg = Annotated[str | None, typer.Argument(help="Exercise id; default: the current one.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]


class Fail(Exception):
    """A learner-facing error: printed as one sentence, exit code 1."""


# -- shared helpers --------------------------------------------------------------------------


def _now() -> datetime:
    fixed = os.environ.get("LADDER_NOW")  # for tests and demos: pretend it is this time
    return datetime.fromisoformat(fixed).astimezone(UTC) if fixed else datetime.now(UTC)


def _curriculum() -> Curriculum:
    from ladder.curriculum import load_curriculum

    return load_curriculum()


def _workspace() -> Workspace:
    from ladder.study.workspace import Workspace

    return Workspace.find()


WHERE_LISTED = {
    "exercise": "`ladder list` shows them all",
    "lab": "`ladder run` lists the labs",
    "dataset": "`ladder data list` shows them all",
}


def _pick(kind: str, wanted: str, known: list[str]) -> str:
    """``wanted`` if it is a known id, else a one-sentence error with the likeliest id."""
    if wanted in known:
        return wanted
    starts = [k for k in known if k.startswith(wanted)]
    close = starts[:1] or difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
    suggestion = f" Did you mean {close[0]!r}?" if close else ""
    listed = WHERE_LISTED.get(kind, "`ladder map` shows the course")
    raise Fail(f"There is no {kind} {wanted!r}.{suggestion} {listed}.")


def _exercise(cur: Curriculum, ws: Workspace, wanted: str | None) -> Exercise:
    from ladder.study.progress import current_exercise

    if wanted:
        return cur.exercises[_pick("exercise", wanted, list(cur.exercises))]
    ex = current_exercise(cur, ws.store)
    if ex is None:
        raise Fail(
            "Every exercise is passed. `ladder list` shows them; `ladder review` keeps them fresh."
        )
    return ex


def _bar(done: int, total: int, width: int = 20) -> str:
    if total == 0:
        return "[dim]" + "·" * width + "[/dim]"
    filled = round(width * done / total)
    return f"[green]{'█' * filled}[/green][dim]{'░' * (width - filled)}[/dim]"


def _cell(value: Any) -> str:
    """A table cell: 4 significant digits for floats, a dash for "not applicable"."""
    if value is None:
        return "—"
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def _emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")


# -- roadmap -----------------------------------------------------------------------------------


def _status(as_json: bool, goals: bool) -> None:
    from ladder.study.progress import next_step, roadmap
    from ladder.study.workspace import NoWorkspace

    cur = _curriculum()
    try:
        ws = _workspace()
    except NoWorkspace:
        ws = None
    if ws is None:
        from ladder.study.progress import StageProgress

        stages = [
            StageProgress(
                s.number,
                s.id,
                s.title,
                s.summary,
                list(s.goals),
                len(s.lessons),
                0,
                sum(len(cur.exercises_of(l)) for l in s.lessons),
                0,
                sum(len(cur.cards_of(l)) for l in s.lessons),
                sum(len(cur.labs_of(l)) for l in s.lessons),
                0,
            )
            for s in cur.stages
        ]
        step = None
    else:
        stages = roadmap(cur, ws.store)
        step = next_step(cur, ws.store, _now())
    if as_json:
        _emit_json(
            {
                "workspace": str(ws.root) if ws else None,
                "stages": [s.to_dict() for s in stages],
                "next": None
                if step is None
                else {
                    "kind": step.kind,
                    "target": step.target,
                    "command": step.command,
                    "text": step.text,
                },
            }
        )
        return
    console.print("[bold]Ladder[/bold] — from linear regression to large language models\n")
    for s in stages:
        counts = (
            (
                f"{s.lessons_read}/{s.lessons} lessons · "
                f"{s.exercises_passed}/{s.exercises} exercises"
                f" · {s.labs_done}/{s.labs} labs"
            )
            if s.total
            else "[dim]coming soon[/dim]"
        )
        console.print(f"{s.number}. [bold]{s.title:<26}[/bold] {_bar(s.done, s.total, 8)} {counts}")
        if goals:
            for g in s.goals:
                console.print(f"     [dim]•[/dim] {g}")
    console.print()
    if ws is None:
        console.print(
            "Next: create a workspace with [bold]ladder init ladder-work[/bold], "
            "then [bold]cd ladder-work[/bold] and run [bold]ladder[/bold]."
        )
    else:
        console.print(f"Next: {step.text}  →  [bold]{step.command}[/bold]")


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        from ladder import __version__

        console.print(f"ladder {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        _status(as_json=False, goals=False)


@app.command("map")
def map_(
    as_json: JsonOption = False,
) -> None:
    """The roadmap: all 8 stages with their goals and your progress."""
    _status(as_json, goals=True)


# -- workspace --------------------------------------------------------------------------------


@app.command()
def init(directory: Annotated[Path, typer.Argument(help="Folder for your workspace.")]) -> None:
    """Create a workspace: exercise files to edit and your progress database."""
    from ladder.study.workspace import Workspace

    try:
        report = Workspace.init(directory, _curriculum())
    except (NotADirectoryError, PermissionError) as exc:
        raise Fail(str(exc)) from exc
    if report.created:
        console.print(
            f"Created a Ladder workspace in {report.root} with {len(report.added)} exercise files."
        )
    else:
        console.print(
            f"{report.root} is already a workspace: added {len(report.added)} new exercise "
            f"file(s), left your {len(report.kept)} file(s) untouched."
        )
    console.print(f"Next: [bold]cd {directory}[/bold] and run [bold]ladder learn[/bold].")


@app.command("list")
def list_(
    as_json: JsonOption = False,
) -> None:
    """Every exercise with its state."""
    from ladder.study.progress import exercise_rows

    cur, ws = _curriculum(), _workspace()
    rows = exercise_rows(cur, ws.store)
    if as_json:
        _emit_json({"exercises": rows})
        return
    stage = None
    for r in rows:
        if r["stage"] != stage:
            stage = r["stage"]
            console.print(f"\n[bold]{cur.stage(stage).number}. {cur.stage(stage).title}[/bold]")
        marker = "→" if r["current"] else " "
        style = STATE_STYLE[r["state"]]
        console.print(
            f" {marker} {r['id']:<24} {r['title']:<40} [{style}]{STATE_LABEL[r['state']]}[/{style}]"
        )
    console.print("\n`ladder check` grades the exercise marked →; `ladder check ID` any other.")


# -- lessons ---------------------------------------------------------------------------------


@app.command()
def learn(
    lesson: Annotated[
        str | None, typer.Argument(help="Lesson id; default: the next unread one.")
    ] = None,
) -> None:
    """Show a lesson in the terminal and mark it as read."""
    from rich.markdown import Markdown
    from rich.panel import Panel

    from ladder.study.mathtext import markdown_math_to_unicode

    cur, ws = _curriculum(), _workspace()
    read = ws.store.read_lessons()
    if lesson:
        chosen = cur.lessons[_pick("lesson", lesson, list(cur.lessons))]
    else:
        unread = [l for l in cur.ordered_lessons() if l.id not in read]
        if not unread:
            raise Fail(
                "You have read every lesson. `ladder learn ID` opens one again; "
                "`ladder map` lists them."
            )
        chosen = unread[0]
    head = [
        f"[bold]{chosen.title}[/bold]  [dim]{chosen.id} · {chosen.minutes} min[/dim]",
        "",
        "You will be able to:",
    ] + [f"  • {o}" for o in chosen.objectives]
    if chosen.papers:
        head += ["", "Papers:"] + [
            f"  • {p.authors} ({p.year}). {p.title}. {p.link or ''}" for p in chosen.papers
        ]
    console.print(Panel("\n".join(head), expand=False))
    console.print(Markdown(markdown_math_to_unicode(chosen.body)))
    ws.store.mark_read(chosen.id, _now())
    cards = cur.cards_of(chosen.id)
    exercises = cur.exercises_of(chosen.id)
    console.print(f"\n[green]Marked as read.[/green] {len(cards)} cards join your reviews.")
    if exercises:
        console.print("Exercises: " + ", ".join(f"{e.id} ({e.workspace_name})" for e in exercises))
        console.print(
            "Next: open the first file, fill it in, then run [bold]ladder check[/bold] "
            "(or [bold]ladder watch[/bold])."
        )


# -- exercises ---------------------------------------------------------------------------------


def _print_verdict(ex: Exercise, path: Path, v: Verdict) -> None:
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
    last_error = None
    for c in v.checks:
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
        elif c.status == "error" and c.message:
            if c.message == v.reason:
                continue
            if c.message == last_error:
                console.print("      the same error again", style="dim")
                continue
            last_error = c.message
            console.print("      " + c.message.replace("\n", "\n      "), markup=False)
    if v.output and v.outcome != "passed":
        console.print("  [dim]your code printed:[/dim]")
        for line in v.output.splitlines():
            console.print("    " + line[:200], markup=False)


def _grade_and_record(cur: Curriculum, ws: Workspace, ex: Exercise) -> Verdict:
    from ladder.study.grader import grade

    path = ws.exercise_path(ex)
    ws.store.backup_before()  # learner code is about to run
    verdict = grade(ex, path)
    ws.store.record_attempt(ex.id, verdict.outcome, verdict.to_dict(), verdict.seconds, _now())
    _print_verdict(ex, path, verdict)
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
    cur, ws = _curriculum(), _workspace()
    ex = _exercise(cur, ws, exercise)
    verdict = _grade_and_record(cur, ws, ex)
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

    cur, ws = _curriculum(), _workspace()
    ex = _exercise(cur, ws, exercise)
    try:
        while True:
            console.rule(ex.id)
            path = ws.exercise_path(ex)
            graded = _file_signature(path)  # taken before grading: a save meanwhile counts
            verdict = _grade_and_record(cur, ws, ex)
            if verdict.passed:
                nxt = _after_pass(cur, ws)
                if nxt is None:
                    return
                ex = nxt
                continue
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


@app.command()
def hint(
    exercise: ExerciseArg = None,
) -> None:
    """Show the next hint for an exercise."""
    cur, ws = _curriculum(), _workspace()
    ex = _exercise(cur, ws, exercise)
    before = ws.store.hints_shown(ex.id)
    shown = ws.store.reveal_hint(ex.id, len(ex.hints))
    console.print(f"[bold]{ex.id} — {ex.title}[/bold]")
    for i, text in enumerate(ex.hints[:shown], 1):
        console.print(f"  Hint {i}/{len(ex.hints)}: {text}", markup=False)
    if before == shown:
        console.print(
            "That was the last hint; `ladder solution` shows the reference once you have tried."
        )


@app.command()
def solution(
    exercise: ExerciseArg = None,
) -> None:
    """Show the reference solution, once you have made an attempt."""
    import inspect

    from rich.syntax import Syntax

    from ladder.curriculum.validate import resolve

    cur, ws = _curriculum(), _workspace()
    ex = _exercise(cur, ws, exercise)
    tried = [a for a in ws.store.attempts(ex.id) if a["outcome"] != "not_attempted"]
    if not tried:
        raise Fail(
            f"Make an attempt at {ex.id} first: edit {ex.workspace_name} and run `ladder check`."
        )
    source = inspect.getsource(resolve(ex.solution))
    ws.store.mark_solution_seen(ex.id, _now())
    console.print(f"[bold]Reference solution of {ex.id}[/bold] — {ex.solution.replace(':', '.')}")
    console.print(Syntax(source, "python", theme="ansi_dark", line_numbers=False))


@app.command()
def reset(exercise: Annotated[str, typer.Argument(help="Exercise id.")]) -> None:
    """Restore an exercise's stub; your version is saved in .ladder/backups/."""
    cur, ws = _curriculum(), _workspace()
    ex = cur.exercises[_pick("exercise", exercise, list(cur.exercises))]
    saved = ws.reset(ex)
    where = f"; your version is saved as {saved}" if saved else ""
    console.print(f"Restored {ex.workspace_name}{where}.")


# -- reviews ---------------------------------------------------------------------------------


def _ask(prompt: str) -> str | None:
    try:
        return console.input(prompt)
    except EOFError:
        return None


@app.command()
def review(limit: Annotated[int, typer.Option(help="Most cards in this session.")] = 50) -> None:
    """A spaced-repetition session (FSRS) with the cards of lessons you have read."""
    from ladder.study.mathtext import markdown_math_to_unicode
    from ladder.study.memory import (
        RATINGS,
        Memory,
        auto_rating,
        check_answer,
        cloze_back,
        cloze_front,
    )

    cur, ws = _curriculum(), _workspace()
    memory = Memory(cur, ws.store)
    queue = memory.queue(_now())[:limit]
    if not queue:
        if not memory.unlocked():
            raise Fail(
                "No cards yet: cards join your reviews when you read their lesson (`ladder learn`)."
            )
        console.print("Nothing is due. Come back later; `ladder stats` shows when.")
        return
    done = 0
    ws.store.backup_before()  # a session's answers can always be taken back to here
    console.print(f"{len(queue)} card(s) to review. Type q to stop at any time.\n")
    for n, item in enumerate(queue, 1):
        card = item.card
        tag = "new" if item.is_new else "review"
        console.rule(f"{n}/{len(queue)} · {card.lesson} · {tag}")
        front = cloze_front(card) if card.kind == "cloze" else card.front
        console.print(markdown_math_to_unicode(front), markup=False)
        start = time.monotonic()
        answer_text, correct = None, None
        if card.auto_checked:
            if card.kind == "choice":
                for i, choice in enumerate(card.choices, 1):
                    console.print(f"  {i}. {choice}", markup=False)
            typed = _ask("Your answer: ")
            if typed is None or typed.strip().lower() == "q":
                break
            seconds = time.monotonic() - start
            correct, feedback = check_answer(card, typed)
            answer_text = typed
            rating = auto_rating(correct, seconds)
            console.print(
                ("[green]" if correct else "[red]")
                + feedback.replace("[", "\\[")
                + ("[/green]" if correct else "[/red]")
            )
            if card.back:
                console.print(card.back, markup=False)
            console.print(
                f"[dim]Rated {RATINGS[rating]} ({'right' if correct else 'wrong'}, "
                f"{seconds:.0f} s).[/dim]"
            )
        else:
            typed = _ask("[dim]Enter shows the answer[/dim] ")
            if typed is None or typed.strip().lower() == "q":
                break
            seconds = time.monotonic() - start
            console.print(
                cloze_back(card) if card.kind == "cloze" else card.back, markup=False, style="bold"
            )
            rating = None
            while rating is None:
                typed = _ask("How well did you know it? 1 Again · 2 Hard · 3 Good · 4 Easy: ")
                if typed is None or typed.strip().lower() == "q":
                    break
                if typed.strip() in ("1", "2", "3", "4"):
                    rating = int(typed.strip())
                else:
                    console.print("Type 1, 2, 3 or 4 (q stops).")
            if rating is None:
                break
        memory.answer(
            item,
            rating,
            _now(),
            duration_ms=int(seconds * 1000),
            answer=answer_text,
            correct=correct,
        )
        done += 1
    left = memory.queue(_now())
    new = sum(1 for d in left if d.is_new)
    console.print(
        f"\nReviewed {done} card(s). Still waiting: {len(left) - new} due, {new} new for today."
    )


@app.command()
def stats(
    as_json: JsonOption = False,
) -> None:
    """Reviews, retention and due counts."""
    from ladder.study.memory import Memory

    cur, ws = _curriculum(), _workspace()
    s = Memory(cur, ws.store).stats(_now())
    if as_json:
        _emit_json(s)
        return
    retention = "—" if s["retention_30d"] is None else f"{100 * s['retention_30d']:.0f} %"
    console.print(
        f"Reviews: {s['reviews']} in all, {s['reviews_today']} today "
        f"({s['minutes_reviewing']} min spent reviewing)"
    )
    console.print(f"Retention (last 30 days, cards seen before): {retention}")
    console.print(f"Cards: {s['cards_unlocked']} unlocked, {s['cards_learning']} in review")
    console.print(
        f"Due now: {s['due_now']} · new available today: {s['new_now']} · "
        f"due by tomorrow: {s['due_by_tomorrow']}"
    )
    if not s["cards_unlocked"]:
        console.print("Cards join your reviews when you read their lesson: run `ladder learn`.")


@app.command()
def config(
    key: Annotated[str, typer.Argument(help="Setting: new_per_day.")],
    value: Annotated[str | None, typer.Argument(help="New value; omit to show it.")] = None,
) -> None:
    """Show or change a setting of this workspace (new_per_day: new cards a day, default 20)."""
    from ladder.study.memory import NEW_PER_DAY

    defaults = {"new_per_day": str(NEW_PER_DAY)}
    if key not in defaults:
        raise Fail(f"Unknown setting {key!r}; settings: {', '.join(defaults)}.")
    ws = _workspace()
    if value is None:
        console.print(f"{key} = {ws.store.get_setting(key, defaults[key])}")
        return
    if not value.isdigit() or int(value) > 1000:
        raise Fail(f"{key} takes a whole number from 0 to 1000, not {value!r}.")
    ws.store.set_setting(key, str(int(value)))
    console.print(f"{key} = {int(value)}")


@export_app.command("anki")
def export_anki_(
    file: Annotated[Path, typer.Argument(help="The .apkg file to write.")],
    all_cards: Annotated[
        bool, typer.Option("--all", help="Every card, not only those of lessons read.")
    ] = False,
) -> None:
    """Write the cards as an Anki deck (.apkg)."""
    from ladder.study.anki import export_anki

    cur = _curriculum()
    lessons = None
    if not all_cards:
        from ladder.study.workspace import NoWorkspace

        try:
            lessons = set(_workspace().store.read_lessons())
        except NoWorkspace:
            lessons = None
    if file.suffix != ".apkg":
        raise Fail(f"Anki decks end in .apkg; try {file.with_suffix('.apkg')}.")
    count = export_anki(cur, file, lessons)
    console.print(f"Wrote {count} cards to {file}. Import it in Anki with File → Import.")


# -- labs --------------------------------------------------------------------------------------


@app.command("run")
def run_(
    lab: Annotated[str | None, typer.Argument(help="Lab id; omit to list the labs.")] = None,
    quick: Annotated[bool, typer.Option("--quick", help="A smaller, faster run.")] = False,
) -> None:
    """Run a lab: ours beside the reference library, with tables and plots in runs/."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from ladder.study.labs import run_lab

    cur = _curriculum()
    if lab is None:
        for l in cur.labs.values():
            console.print(f"  {l.id:<36} {l.title}  [dim](~{l.minutes:g} min)[/dim]")
        console.print("`ladder run ID` runs one.")
        return
    chosen = cur.labs[_pick("lab", lab, list(cur.labs))]
    ws = _workspace()
    console.print(f"[bold]{chosen.title}[/bold]  [dim]{chosen.id}[/dim]")
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    tasks: dict[str, Any] = {}

    def on_event(e: dict) -> None:
        kind = e["type"]
        if kind == "progress":
            if e["description"] not in tasks:
                tasks[e["description"]] = progress.add_task(
                    e["description"] or "working", total=e["total"]
                )
            progress.update(tasks[e["description"]], completed=e["completed"])
        elif kind == "log":
            progress.console.print(e["message"], markup=False)
        elif kind == "table":
            t = Table(title=e["title"])
            for c in e["columns"]:
                t.add_column(c)
            for row in e["rows"]:
                t.add_row(*[_cell(v) for v in row])
            progress.console.print(t)
        elif kind == "figure":
            progress.console.print(f"plot: {e['path']}")

    with progress:
        result = run_lab(chosen, ws.runs_dir, on_event=on_event, quick=quick, store=ws.store)
    if result.status != "done":
        raise Fail(f"The lab {chosen.id} failed: {result.error}")
    console.print(f"Done in {result.seconds:.1f} s. Results: {result.out_dir / 'metrics.json'}")


# -- maintenance --------------------------------------------------------------------------------


@app.command()
def doctor(
    as_json: JsonOption = False,
) -> None:
    """What is installed, which datasets are here, and whether your workspace is healthy."""
    from ladder.study.doctor import diagnose
    from ladder.study.workspace import NoWorkspace

    try:
        root = _workspace().root
    except NoWorkspace:
        root = None
    report = diagnose(root)
    if as_json:
        _emit_json(report)
        return
    console.print(f"ladder {report['ladder']} on Python {report['python']} ({report['platform']})")
    console.print("\n[bold]Packages[/bold]")
    for p in report["packages"]:
        v = p["version"] or "[yellow]not installed[/yellow]"
        console.print(f"  {p['name']:<24} {v:<12} {p['for']}")
    console.print("\n[bold]Datasets[/bold] (embedded ones come with the packages above)")
    for d in report["datasets"]:
        where = d["path"] or "[dim]not here — `ladder data add` or go online[/dim]"
        console.print(f"  {d['name']:<16} {where}")
    console.print("\n[bold]Grader isolation[/bold] (how your code is contained when checked)")
    for g in report["grader"]:
        console.print(f"  {g['aspect']:<10} {g['state']}")
    console.print("\n[bold]Workspace[/bold]")
    w = report["workspace"]
    if w is None:
        console.print("  none here — `ladder init DIR` creates one")
    elif w["database_ok"]:
        console.print(f"  {w['root']}: database healthy, {w['backups']} backup(s)")
    else:
        console.print(f"  {w['root']}: [red]{escape(w['database_problem'])}[/red]")


@app.command()
def restore() -> None:
    """Replace a damaged or missing progress database with its newest good backup."""
    from ladder.study.store import Store
    from ladder.study.store import restore as restore_db

    ws = _workspace()
    used = restore_db(ws.db_path)  # refuses (one sentence) unless proven damaged or gone
    Store.open(ws.db_path, backup=False, fresh=True).close()
    if used:
        console.print(
            f"Restored the backup {used.name}; "
            "the replaced file, if any, is kept beside it as ladder.db.damaged-*."
        )
    else:
        console.print(
            "No backup was found: started a new, empty progress database "
            "(the damaged file, if any, is kept as ladder.db.damaged-*)."
        )


@data_app.command("list")
def data_list() -> None:
    """Standard datasets and whether each is on this machine."""
    from ladder.data import registry, status

    found = status()
    for name, ds in registry().items():
        where = found[name] or "[dim]not here[/dim]"
        console.print(f"  {name:<16} {ds.title}\n  {'':<16} {where}")


@data_app.command("add")
def data_add(
    name: Annotated[str, typer.Argument(help="Dataset name (see `ladder data list`).")],
    path: Annotated[Path, typer.Argument(help="Folder holding its files.")],
) -> None:
    """Register a local copy of a dataset after checking every file's sha256."""
    from ladder.data import add, registry

    _pick("dataset", name, list(registry()))
    folder = add(name, path)
    console.print(f"Added {name} from {folder}.")


@dev_app.command("check")
def dev_check_(
    as_json: JsonOption = False,
    run: Annotated[
        bool, typer.Option("--run/--no-run", help="Also grade every stub and solution.")
    ] = True,
) -> None:
    """Validate the whole curriculum; exit 1 if anything is wrong."""
    from ladder.study.devcheck import dev_check

    report = dev_check(run=run)
    if as_json:
        _emit_json(report)
    else:
        for s in report["stages"]:
            console.print(
                f"  {s['id']:<12} lessons {s['lessons']:>3}  cards {s['cards']:>4}  "
                f"exercises {s['exercises']:>3}  labs {s['labs']:>3}"
            )
        m = report.get("mutants") or {}
        if m.get("mutants"):
            share = 100 * m["rejected"] / m["mutants"]
            console.print(
                f"  mutants rejected {m['rejected']}/{m['mutants']} ({share:.0f} %): "
                f"{m['written']} written, {m['automatic']} made here"
            )
        for e in report["errors"]:
            console.print(f"[red]✗[/red] {e}", markup=True, highlight=False)
        console.print(
            "[green]The curriculum is valid.[/green]"
            if not report["errors"]
            else f"[red]{len(report['errors'])} problem(s).[/red]"
        )
    if report["errors"]:
        raise typer.Exit(1)


@app.command()
def serve(
    port: Annotated[int, typer.Option(help="Port (0: any free one).")] = 8765,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    browser: Annotated[bool, typer.Option("--browser/--no-browser", help="Open a browser.")] = True,
    allow_remote: Annotated[
        bool, typer.Option("--allow-remote", help="Allow a --host other than loopback.")
    ] = False,
) -> None:
    """The course in your browser: a local web app on the same progress as the CLI."""
    from ladder.web.server import remote_refusal

    refusal = remote_refusal(host, allow_remote)
    if refusal:
        raise Fail(refusal)
    from ladder.web.server import serve as run_server

    ws = _workspace()
    try:
        run_server(
            ws.root,
            host=host,
            port=port,
            open_browser=browser,
            allow_remote=allow_remote,
            echo=lambda line: console.print(line, markup=False, highlight=False, soft_wrap=True),
        )
    except OSError as exc:
        raise Fail(str(exc)) from exc


@app.command()
def generate(
    checkpoint: Annotated[
        Path | None,
        typer.Option(help="A ckpt.pt; default: the newest transformer.gpt-shakespeare run."),
    ] = None,
    prompt: Annotated[str, typer.Option(help="Text to continue (\\n for a new line).")] = "\n",
    tokens: Annotated[int, typer.Option(help="Characters to generate.")] = 500,
    temperature: Annotated[
        float, typer.Option(help="> 0; below 1 sharpens, above 1 flattens.")
    ] = 0.8,
    top_k: Annotated[int | None, typer.Option(help="Keep the k most likely characters.")] = 200,
    top_p: Annotated[float | None, typer.Option(help="Nucleus sampling, in (0, 1].")] = None,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same text).")] = 1337,
) -> None:
    """Sample text from a char-level GPT checkpoint (`ladder run transformer.gpt-shakespeare`)."""
    if not temperature > 0:
        raise Fail(f"--temperature must be greater than 0, not {temperature}; try 0.8.")
    if top_p is not None and not 0 < top_p <= 1:
        raise Fail(f"--top-p must lie in (0, 1], not {top_p}; try 0.9.")
    if top_k is not None and top_k < 1:
        raise Fail(f"--top-k must be a positive whole number, not {top_k}; try 200.")
    if tokens < 0:
        raise Fail(f"--tokens must be 0 or more, not {tokens}.")
    prompt = prompt.replace("\\n", "\n")
    if checkpoint is None:
        runs = _workspace().runs_dir / "transformer.gpt-shakespeare"
        found = sorted(runs.glob("*/ckpt.pt"), key=lambda p: p.stat().st_mtime)
        if not found:
            raise Fail(
                "No GPT checkpoint in this workspace yet: run "
                "`ladder run transformer.gpt-shakespeare` first (or pass --checkpoint PATH)."
            )
        checkpoint = found[-1]
    elif not checkpoint.is_file():
        raise Fail(f"No checkpoint at {checkpoint}; pass the path of a ckpt.pt file.")
    from ladder.transformer.shakespeare import generate_from_checkpoint

    try:
        text = generate_from_checkpoint(
            checkpoint, prompt, max_new_tokens=tokens, temperature=temperature, top_k=top_k,
            top_p=top_p, seed=seed,
        )  # fmt: skip
    except (ValueError, FileNotFoundError) as exc:
        raise Fail(str(exc)) from exc
    console.print(text, markup=False, highlight=False, soft_wrap=True)


# -- entry point -------------------------------------------------------------------------------


def _learner_error(exc: BaseException) -> bool:
    """Errors a learner can cause (reported in one sentence), told apart without importing
    their modules up front, so `ladder --help` stays fast."""
    names = {"Fail", "NoWorkspace", "StoreError", "DatasetUnavailable"}
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


if __name__ == "__main__":
    main()
