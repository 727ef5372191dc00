"""``ladder doctor``, ``restore``, ``data`` and ``dev check`` (course authors)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ladder.cli.common import (
    JsonOption,
    app,
    console,
    data_app,
    dev_app,
    emit_json,
    pick,
    workspace,
)


@app.command()
def doctor(
    as_json: JsonOption = False,
) -> None:
    """What is installed, which datasets are here, and whether your workspace is healthy."""
    from ladder.study.doctor import diagnose
    from ladder.study.workspace import NoWorkspace

    try:
        root = workspace().root
    except NoWorkspace:
        root = None
    report = diagnose(root)
    if as_json:
        emit_json(report)
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

    ws = workspace()
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
    path: Annotated[
        Path, typer.Argument(help="Folder holding its files (or, for a one-file set, the file).")
    ],
) -> None:
    """Register a local copy of a dataset after checking every file's sha256."""
    from ladder.data import add, registry

    pick("dataset", name, list(registry()))
    folder = add(name, path)
    given = path.expanduser().resolve()
    if given.is_file():  # a one-file dataset: read through a link under its own file name
        console.print(f"Added {name}: {given} (sha256 checked), linked from {folder}.")
    else:
        console.print(f"Added {name}: {folder} (sha256 of every file checked).")


@dev_app.command("check")
def dev_check_(
    only: Annotated[
        list[str] | None,
        typer.Argument(
            help="Grade only these exercises or stages (e.g. ml.mse nlp); default: all.",
            metavar="[EXERCISE|STAGE]...",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
    run: Annotated[
        bool,
        typer.Option("--run/--no-run", help="Also grade the stubs, solutions and mutants."),
    ] = True,
) -> None:
    """Validate the whole curriculum, grade every exercise's stub (must fail), solution
    (must pass) and mutants (must be rejected); exit 1 if anything is wrong."""
    from ladder.curriculum import load_curriculum
    from ladder.study.devcheck import dev_check

    if only:
        cur = load_curriculum(strict=False)
        known = [*cur.exercises, *(s.id for s in cur.stages)]
        only = [pick("exercise or stage", wanted, known) for wanted in only]
    report = dev_check(run=run, only=only)
    if as_json:
        emit_json(report)
    else:
        for s in report["stages"]:
            console.print(
                f"  {s['id']:<12} lessons {s['lessons']:>3}  cards {s['cards']:>4}  "
                f"exercises {s['exercises']:>3}  labs {s['labs']:>3}"
            )
        concepts = report.get("concepts") or {}
        if concepts:
            console.print(f"  concepts: {concepts['count']} in the prerequisite graph; tagged:")
            for c in concepts["coverage"]:
                console.print(
                    f"    {c['stage']:<12} {c['concepts']:>2} concepts  lessons {c['lessons']:>5}  "
                    f"cards {c['cards']:>7}  exercises {c['exercises']:>5}"
                )
            for gap in concepts.get("gaps", []):
                console.print(f"  [yellow]not tagged yet:[/yellow] {escape(gap)}")
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
