"""``ladder run`` (labs) and ``ladder serve`` (the course in the browser)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ladder.cli.common import Fail, app, cell, console, curriculum, pick, workspace


@app.command("run")
def run_(
    lab: Annotated[str | None, typer.Argument(help="Lab id; omit to list the labs.")] = None,
    quick: Annotated[bool, typer.Option("--quick", help="A smaller, faster run.")] = False,
) -> None:
    """Run a lab: ours beside the reference library, with tables and plots in runs/."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from ladder.study.labs import run_lab

    cur = curriculum()
    if lab is None:
        for l in cur.labs.values():
            console.print(f"  {l.id:<36} {l.title}  [dim](~{l.minutes:g} min)[/dim]")
        console.print("`ladder run ID` runs one.")
        return
    chosen = cur.labs[pick("lab", lab, list(cur.labs))]
    ws = workspace()
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
                t.add_row(*[cell(v) for v in row])
            progress.console.print(t)
        elif kind == "figure":
            progress.console.print(f"plot: {e['path']}")

    with progress:
        result = run_lab(chosen, ws.runs_dir, on_event=on_event, quick=quick, store=ws.store)
    if result.status != "done":
        raise Fail(f"The lab {chosen.id} failed: {result.error}")
    from ladder.cli.learning import print_bands

    print_bands(chosen, result.context.metrics, quick)
    console.print(f"Done in {result.seconds:.1f} s. Results: {result.out_dir / 'metrics.json'}")


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

    ws = workspace()
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
