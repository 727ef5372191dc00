"""``ladder``, ``ladder map``, ``ladder init``, ``ladder list`` and ``ladder learn``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ladder.cli.common import (
    STATE_STYLE,
    Fail,
    JsonOption,
    app,
    bar,
    console,
    curriculum,
    emit_json,
    pick,
    workspace,
)


def _status(as_json: bool, goals: bool) -> None:
    from ladder.study.session import overview
    from ladder.study.workspace import NoWorkspace

    cur = curriculum()
    try:
        ws = workspace()
    except NoWorkspace:
        ws = None
    view = overview(cur, ws.store if ws else None)
    step = view.step
    if as_json:
        from ladder.cli.learning import print_mastery

        emit_json(
            {
                "workspace": str(ws.root) if ws else None,
                "stages": [s.to_dict() for s in view.stages],
                "mastery": print_mastery(cur, ws, as_rows=True) if ws and goals else None,
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
    for s in view.stages:
        counts = (
            (
                f"{s.lessons_read}/{s.lessons} lessons · "
                f"{s.exercises_passed}/{s.exercises} exercises"
                f" · {s.labs_done}/{s.labs} labs"
            )
            if s.total
            else "[dim]coming soon[/dim]"
        )
        console.print(f"{s.number}. [bold]{s.title:<26}[/bold] {bar(s.done, s.total, 8)} {counts}")
        if goals:
            for g in s.goals:
                console.print(f"     [dim]•[/dim] {g}")
    console.print()
    if step is None:
        console.print(
            "Next: create a workspace with [bold]ladder init ladder-work[/bold], "
            "then [bold]cd ladder-work[/bold] and run [bold]ladder[/bold]."
        )
    else:
        from ladder.cli.learning import due_line, print_mastery

        console.print(f"Next: {step.text}  →  [bold]{step.command}[/bold]")
        line = due_line(cur, ws)
        if line:
            console.print(line)
        if goals:
            print_mastery(cur, ws)


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
    """The roadmap: all 8 stages with their goals and your progress, and your mastery
    of each concept (FSRS retrievability)."""
    _status(as_json, goals=True)


@app.command()
def init(directory: Annotated[Path, typer.Argument(help="Folder for your workspace.")]) -> None:
    """Create a workspace: exercise files to edit and your progress database."""
    from ladder.study.workspace import NestedWorkspace, Workspace

    try:
        report = Workspace.init(directory, curriculum())
    except (NotADirectoryError, PermissionError, NestedWorkspace) as exc:
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
    from ladder.study.session import STATE_LABEL

    cur, ws = curriculum(), workspace()
    rows = exercise_rows(cur, ws.store)
    if as_json:
        emit_json({"exercises": rows})
        return
    id_width = max(len(r["id"]) for r in rows)
    # The columns fit the terminal: the title gives way (… at its end) before the state.
    title_width = max(16, min(48, console.width - id_width - 22))
    stage = None
    for r in rows:
        if r["stage"] != stage:
            stage = r["stage"]
            console.print(f"\n[bold]{cur.stage(stage).number}. {cur.stage(stage).title}[/bold]")
        marker = "→" if r["current"] else " "
        style = STATE_STYLE[r["state"]]
        title = (
            r["title"] if len(r["title"]) <= title_width else r["title"][: title_width - 1] + "…"
        )
        console.print(
            f" {marker} {escape(r['id']):<{id_width}}  {escape(title):<{title_width}}  "
            f"[{style}]{STATE_LABEL[r['state']]}[/{style}]"
        )
    console.print("\n`ladder check` grades the exercise marked →; `ladder check ID` any other.")


@app.command()
def lessons(
    as_json: JsonOption = False,
) -> None:
    """Every lesson with its id, length and whether you have read it."""
    cur = curriculum()
    read: dict[str, str] = {}
    try:
        read = workspace().store.read_lessons()
    except Exception as exc:  # noqa: BLE001 - no workspace: the list without progress
        if type(exc).__name__ != "NoWorkspace":
            raise
    rows = [
        {
            "id": l.id,
            "stage": l.stage,
            "title": l.title,
            "minutes": l.minutes,
            "read": l.id in read,
        }
        for l in cur.ordered_lessons()
    ]
    if as_json:
        emit_json({"lessons": rows})
        return
    width = max(len(r["id"]) for r in rows)
    stage = None
    for r in rows:
        if r["stage"] != stage:
            stage = r["stage"]
            console.print(f"\n[bold]{cur.stage(stage).number}. {cur.stage(stage).title}[/bold]")
        mark = "[green]✓[/green]" if r["read"] else " "
        room = max(16, console.width - width - 14)
        title = r["title"] if len(r["title"]) <= room else r["title"][: room - 1] + "…"
        console.print(f" {mark} {r['id']:<{width}}  {escape(title)}  [dim]{r['minutes']} min[/dim]")
    console.print("\n`ladder learn ID` opens one; `ladder learn` the next unread one.")


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
    from ladder.study.session import now

    cur, ws = curriculum(), workspace()
    read = ws.store.read_lessons()
    if lesson:
        chosen = cur.lessons[pick("lesson", lesson, list(cur.lessons))]
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
    cards = cur.cards_of(chosen.id)
    exercises = cur.exercises_of(chosen.id)
    if chosen.id in read:
        console.print("\n[dim]Read again; its cards are already in your reviews.[/dim]")
    else:
        ws.store.mark_read(chosen.id, now())
        console.print(f"\n[green]Marked as read.[/green] {len(cards)} cards join your reviews.")
    if exercises:
        console.print("Exercises: " + ", ".join(f"{e.id} ({e.workspace_name})" for e in exercises))
        console.print(
            "Next: open the first file, fill it in, then run [bold]ladder check[/bold] "
            "(or [bold]ladder watch[/bold])."
        )


@app.command()
def search(
    words: Annotated[list[str], typer.Argument(help="What to look for: every word must match.")],
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many results.")] = 10,
    as_json: JsonOption = False,
) -> None:
    """Search lessons, cards and exercises (`ladder search kneser ney`)."""
    from ladder.study.search import search as find

    if limit < 1:
        raise Fail(f"--limit takes a whole number of at least 1, not {limit}.")
    query = " ".join(words)
    hits = find(curriculum(), query, limit=limit)
    if as_json:
        emit_json(
            {"query": query, "hits": [h.__dict__ | {"snippet": h.marked("", "")} for h in hits]}
        )
        return
    if not hits:
        console.print(
            f"Nothing matches “{escape(query)}”. Try fewer or shorter words: every word must "
            "match, and the last may be the start of one."
        )
        return
    for h in hits:
        console.print(f"[dim]{h.kind:<8}[/dim] [bold]{escape(h.title)}[/bold]")
        if h.snippet:
            text = escape(h.snippet.replace("\n", " ").strip())
            console.print(
                "         " + text.replace("\x02", "[yellow]").replace("\x03", "[/yellow]")
            )
        console.print(f"         [dim]→[/dim] {h.command}")
