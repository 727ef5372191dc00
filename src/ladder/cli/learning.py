"""``ladder placement``, ``recall``, ``notebook``, ``papers``, ``optimize`` — and the
learning engine's parts of ``ladder``, ``map``, ``review`` and ``stats`` (printed by the
helpers here, called from those commands). The rules live in ``ladder.study``:
:mod:`~ladder.study.recall`, :mod:`~ladder.study.concepts`,
:mod:`~ladder.study.placement`, :mod:`~ladder.study.notebooks`,
:mod:`~ladder.study.papers`, :mod:`~ladder.study.analytics`, :mod:`~ladder.study.bands`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from ladder.cli.common import (
    Fail,
    JsonOption,
    app,
    console,
    curriculum,
    emit_json,
    pick,
    workspace,
)
from ladder.cli.notes import print_recall

if TYPE_CHECKING:
    from ladder.curriculum import Curriculum
    from ladder.study.recall import DueExercise
    from ladder.study.workspace import Workspace

papers_app = typer.Typer(
    help="Papers: the reading list (the course's and new ones from arXiv feeds).",
    add_completion=False,
    invoke_without_command=True,
)
app.add_typer(papers_app, name="papers")


def _ask(prompt: str) -> str | None:
    try:
        return console.input(prompt)
    except EOFError:
        return None


# -- pieces other commands print ------------------------------------------------------------


def due_line(cur: Curriculum, ws: Workspace) -> str | None:
    """``ladder``'s line with both counts: cards due (and new) and exercises to write again."""
    from ladder.study.memory import Memory
    from ladder.study.recall import due_exercises
    from ladder.study.session import now

    at = now()
    queue = Memory(cur, ws.store).queue(at)
    due = sum(1 for d in queue if not d.is_new)
    exercises = len(due_exercises(cur, ws.store, at))
    if not (queue or exercises):
        return None
    return (
        f"Reviews: {due} card{'s' if due != 1 else ''} due, {len(queue) - due} new, "
        f"{exercises} exercise{'s' if exercises != 1 else ''} to write again  →  "
        "[bold]ladder review[/bold]"
    )


def print_mastery(cur: Curriculum, ws: Workspace, as_rows: bool = False) -> list[dict]:
    """``ladder map``'s concept mastery (FSRS retrievability now), per stage."""
    from ladder.study.concepts import mastery
    from ladder.study.session import now

    rows = [m.to_dict() for m in mastery(cur, ws.store, now())]
    if as_rows:
        return rows
    console.print("\n[bold]Mastery per concept[/bold] (the chance you recall its cards and "
                  "exercises today; unreviewed ones count 0)")  # fmt: skip
    stage = None
    for m in rows:
        if m["stage"] != stage:
            stage = m["stage"]
            console.print(f"  [dim]{cur.stage(stage).title if stage else '—'}[/dim]")
        filled = round(10 * m["mastery"])
        bar = f"[green]{'█' * filled}[/green][dim]{'░' * (10 - filled)}[/dim]"
        console.print(
            f"    {bar} {100 * m['mastery']:3.0f} %  {escape(m['title'])}  "
            f"[dim]{m['reviewed']}/{m['items']} reviewed[/dim]"
        )
    return rows


def review_exercise(cur: Curriculum, ws: Workspace, item: DueExercise) -> str:
    """One due exercise inside ``ladder review``: start writing it again from the blank
    stub, check on Enter until it passes. Returns "done", "skip" or "quit"."""
    from ladder.cli.exercises import print_verdict
    from ladder.study.recall import give_up, start_recall
    from ladder.study.session import check, now, reveal_hint

    ex = item.exercise
    path = ws.exercise_path(ex)
    console.print(f"[bold]Write it again:[/bold] {ex.id} — {escape(ex.title)}")
    if item.started_at is None:
        typed = _ask("Enter starts from a blank stub (your file is kept in .ladder/backups), "
                     "s skips, q stops: ")  # fmt: skip
        word = "q" if typed is None else typed.strip().lower()
        if word in ("q", "s"):
            return "quit" if word == "q" else "skip"
        backup = start_recall(ws.store, ex, path, now())
        if backup:
            console.print(f"[dim]Your earlier solution is saved as {backup}.[/dim]")
    console.print(f"Edit [bold]{path}[/bold], then press Enter to check.")
    while True:
        typed = _ask("Enter checks · h hint · g give up · q stops (it stays in progress): ")
        word = "q" if typed is None else typed.strip().lower()
        if word == "q":
            return "quit"
        if word == "h":
            hints, _ = reveal_hint(ws.store, ex)
            console.print(f"  Hint {len(hints)}/{len(ex.hints)}: {hints[-1]}", markup=False)
            continue
        if word == "g":
            print_recall(cur, give_up(cur, ws.store, ex, now()))
            return "done"
        verdict = check(ws.store, ex, path)
        print_verdict(ex, path, verdict)
        if verdict.passed:
            print_recall(cur, getattr(verdict, "recall", None))
            return "done"


def print_bands(lab, metrics: dict, quick: bool) -> None:
    """After ``ladder run``: each declared figure in or out of its band, with causes."""
    from ladder.study.bands import band_text, check_bands

    results = [r for r in check_bands(lab, metrics, quick) if r.status != "unchecked"]
    if not results:  # no band for this kind of run: no empty heading
        return
    console.print(f"[bold]Expected results[/bold] ({'quick' if quick else 'full'} run)")
    for r in results:
        value = "—" if r.value is None else f"{r.value:.4g}"
        if r.ok:
            console.print(f"  [green]✓ in band[/green]  {r.metric} = {value}  "
                          f"[dim](expected {band_text(r.low, r.high)})[/dim]")  # fmt: skip
        else:
            console.print(f"  [red]✗ {r.status}[/red]  {r.metric} = {value}  "
                          f"[dim](expected {band_text(r.low, r.high)})[/dim]")  # fmt: skip
            for cause in r.causes:
                console.print(f"      likely: {escape(cause)}")


def print_analytics(cur: Curriculum, ws: Workspace, plots: bool = True) -> dict:
    """``ladder stats``'s second half: retention per stage and concept, time to solve,
    hint reliance, the forecast; PNG plots in the workspace's ``stats/``."""
    from ladder.study.analytics import plots as draw
    from ladder.study.analytics import report
    from ladder.study.session import now

    rep = report(cur, ws.store, now())
    by_stage = rep["retention_by_stage"]
    if by_stage:
        console.print("\n[bold]Retention per stage[/bold] (reviews of items seen before)")
        for s, r in by_stage.items():
            console.print(
                f"  {s:<12} {100 * r['retention']:3.0f} %  [dim]{r['reviews']} reviews[/dim]"
            )
        weakest = sorted(rep["retention_by_concept"].items(), key=lambda kv: kv[1]["retention"])
        if weakest:
            console.print("[bold]Weakest concepts[/bold]")
            for _c, r in weakest[:5]:
                console.print(
                    f"  {100 * r['retention']:3.0f} %  {escape(r['title'])}  "
                    f"[dim]{r['reviews']} reviews[/dim]"
                )
    if rep["median_minutes_by_stage"]:
        console.print("[bold]Exercises[/bold] (median minutes from first attempt to pass; hints)")
        for s, minutes in rep["median_minutes_by_stage"].items():
            h = rep["hint_reliance"][s]
            console.print(
                f"  {s:<12} {minutes:5.1f} min  {h['with_hints']}/{h['passed']} passed with "
                f"hints ({h['mean_hints']:.1f} on average)"
            )
    week = rep["forecast"][:7]
    console.print(
        "[bold]Due in the next 7 days[/bold]: "
        + "  ".join(f"{f['day'][5:]} {f['cards']}+{f['exercises']}" for f in week)
        + "  [dim](cards+exercises)[/dim]"
    )
    if plots:
        made = draw(rep, ws.root / "stats")
        console.print("Plots: " + ", ".join(str(p.relative_to(ws.root)) for p in made))
    return rep


# -- commands ---------------------------------------------------------------------------------


@app.command()
def placement(
    stage: Annotated[str, typer.Argument(help="Stage id: ml, nn, dl, nlp, transformer, …")],
    yes: Annotated[bool, typer.Option("--yes", help="Apply the result without asking.")] = False,
) -> None:
    """A short adaptive test of a stage: lessons you know are marked read and their cards
    scheduled, so you can start further on honestly."""
    from ladder.cli.exercises import print_verdict
    from ladder.study.mathtext import markdown_math_to_unicode
    from ladder.study.memory import check_answer
    from ladder.study.placement import Placement, apply_placement
    from ladder.study.session import check, now

    cur, ws = curriculum(), workspace()
    stage = pick("stage", stage, [s.id for s in cur.stages])
    if not cur.stage(stage).lessons:
        raise Fail(f"Stage {stage} has no lessons yet; nothing to place.")
    test = Placement(cur, stage)
    console.print(
        f"[bold]Placement: {cur.stage(stage).title}[/bold] — a few questions per lesson; "
        "q stops without changing anything.\n"
    )
    while (q := test.next()) is not None:
        lesson = cur.lessons[q.lesson]
        console.rule(f"{len(test.answers) + 1} · {lesson.title}")
        if q.kind == "exercise":
            ex = cur.exercises[q.id]
            path = ws.exercise_path(ex)
            console.print(
                f"Last, one exercise: {ex.id} — {escape(ex.title)}. Write it in "
                f"[bold]{path}[/bold] and press Enter to check (s: skip it)."
            )
            typed = _ask("> ")
            if typed is None or typed.strip().lower() == "q":
                raise typer.Exit(1)
            if typed.strip().lower() == "s":
                test.answer(False)
                continue
            verdict = check(ws.store, ex, path)
            print_verdict(ex, path, verdict)
            test.answer(verdict.passed)
            continue
        card = cur.cards[q.id]
        console.print(markdown_math_to_unicode(card.front), markup=False)
        if q.self_rated:
            typed = _ask("Do you know the answer? (y/n) ")
            if typed is None or typed.strip().lower() == "q":
                raise typer.Exit(1)
            test.answer(typed.strip().lower().startswith("y"))
            continue
        for i, choice in enumerate(card.choices, 1):
            console.print(f"  {i}. {choice}", markup=False)
        typed = None
        while not typed:
            typed = _ask("Your answer (q stops): ")
            if typed is None or typed.strip().lower() == "q":
                raise typer.Exit(1)
            typed = typed.strip()
        right, feedback = check_answer(card, typed)
        console.print(("[green]" if right else "[red]") + escape(feedback) + "[/]")
        test.answer(right)
    result = test.result()
    console.print(f"\n[bold]Result[/bold] after {result.asked} question(s):")
    for l in cur.stage(stage).lessons:
        mark = "[green]known   [/green]" if l in result.known else "[dim]to learn[/dim]"
        console.print(f"  {mark}  {escape(cur.lessons[l].title)}")
    if not result.known:
        console.print("Start with the stage's first lesson: `ladder learn`.")
        return
    if not yes:
        typed = _ask(
            f"Mark {len(result.known)} lesson(s) as known and schedule their cards? (y/n) "
        )
        if not typed or not typed.strip().lower().startswith("y"):
            console.print("Nothing changed.")
            return
    counts = apply_placement(cur, ws.store, result, now())
    console.print(
        f"Marked {counts['lessons']} lesson(s) read and scheduled {counts['cards']} card(s) "
        "as remembered. `ladder` shows your next step."
    )


@app.command()
def recall(
    exercise: Annotated[str, typer.Argument(help="A passed exercise's id.")],
    give_up_: Annotated[
        bool, typer.Option("--give-up", help="End the recall in progress (rated Again).")
    ] = False,
) -> None:
    """Write a passed exercise again from a blank stub (your file is kept in
    .ladder/backups/recall); `ladder check` then rates it. `ladder review` does this for
    the exercises that are due."""
    from ladder.study.recall import give_up, start_recall
    from ladder.study.session import now

    cur, ws = curriculum(), workspace()
    ex = cur.exercises[pick("exercise", exercise, list(cur.exercises))]
    if give_up_:
        print_recall(cur, give_up(cur, ws.store, ex, now()))
        return
    backup = start_recall(ws.store, ex, ws.exercise_path(ex), now())
    where = f" Your earlier solution is saved as {backup}." if backup else ""
    console.print(
        f"{ex.workspace_name} is a blank stub again.{where} Write it and run "
        f"[bold]ladder check {ex.id}[/bold]."
    )


@app.command()
def notebook(
    target: Annotated[str, typer.Argument(help="A lesson, exercise or lab id.")],
    directory: Annotated[
        Path | None,
        typer.Argument(help="Folder to write it in (default: the workspace's notebooks/)."),
    ] = None,
) -> None:
    """Write a Jupyter notebook: the lesson's text, your exercise code with a check()
    cell (the same grader, the same progress), or a lab that runs the library. It opens
    in JupyterLab, VS Code or Colab with the ordinary Python 3 kernel."""
    from ladder.study.notebooks import write_notebook

    cur, ws = curriculum(), workspace()
    try:
        out = (directory or ws.root / "notebooks").expanduser().resolve()
        path = write_notebook(cur, ws.root, target, out)
    except ImportError as exc:
        raise Fail(f"Notebooks need nbformat ({exc}): pip install 'llm-ladder[learning]'.") from exc
    console.print(f"Wrote {path}. Open it with `jupyter lab {path}` (or in VS Code or Colab).")


@papers_app.callback()
def papers_list(
    ctx: typer.Context,
    as_json: JsonOption = False,
    unread: Annotated[bool, typer.Option("--unread", help="Only papers not read yet.")] = False,
) -> None:
    """The reading list: the papers of the lessons you have read and those imported from
    arXiv feeds, read or unread (`ladder papers read N` marks one)."""
    if ctx.invoked_subcommand is not None:
        return
    from ladder.study.papers import reading_list

    cur, ws = curriculum(), workspace()
    items = reading_list(cur, ws.store)
    if as_json:
        emit_json({"papers": [i.to_dict() for i in items]})
        return
    if not items:
        console.print("Your reading list is empty: read a lesson (`ladder learn`) or import a "
                      "feed (`ladder papers import FILE`).")  # fmt: skip
        return
    source = None
    for n, i in enumerate(items, 1):
        if unread and i.read:
            continue
        if i.source != source:
            source = i.source
            console.print(f"[bold]{escape(source)}[/bold]")
        mark = "[green]✓ read  [/green]" if i.read else ("[yellow]new     [/yellow]" if i.new
                                                        else "[dim]unread  [/dim]")  # fmt: skip
        console.print(f" {n:>3} {mark} {escape(i.title)} [dim]({i.when}) {i.link or ''}[/dim]")
    console.print(
        "`ladder papers read N` marks one read; `ladder papers import FILE` adds new ones."
    )


@papers_app.command("import")
def papers_import(
    file: Annotated[Path, typer.Argument(help="An arXiv Atom feed saved to a file.")],
    as_json: JsonOption = False,
) -> None:
    """Read an arXiv Atom feed saved to a file; list the entries for your stages that
    are new since the last import."""
    from ladder.study.papers import import_feed
    from ladder.study.session import now

    cur, ws = curriculum(), workspace()
    try:
        rep = import_feed(cur, ws.store, file, now())
    except ImportError as exc:
        raise Fail(f"Feeds need feedparser ({exc}): pip install 'llm-ladder[learning]'.") from exc
    if as_json:
        emit_json({**vars(rep), "new": [e.to_dict() for e in rep.new]})
        return
    stages = ", ".join(rep.stages) or "none yet (read a lesson first)"
    console.print(f"{rep.entries} entries; your stages: {stages}.")
    for e in rep.new:
        concepts = ", ".join(cur.concepts[c].title for c in e.concepts[:3])
        console.print(
            f"  [yellow]new[/yellow] {escape(e.title)} [dim]({e.published}) {e.link}[/dim]"
        )
        console.print(f"       [dim]{escape(concepts)}[/dim]")
    console.print(
        f"{len(rep.new)} new for your stages; {rep.seen_before} seen before, "
        f"{rep.other_stages} for stages ahead, {rep.unmatched} outside the course."
    )


@papers_app.command("read")
def papers_read(
    key: Annotated[str, typer.Argument(help="Its number in `ladder papers`, or its arXiv id.")],
    unread: Annotated[bool, typer.Option("--unread", help="Mark it unread again.")] = False,
) -> None:
    """Mark a paper of the reading list read (or unread)."""
    from ladder.study.papers import mark_read
    from ladder.study.session import now

    cur, ws = curriculum(), workspace()
    title = mark_read(cur, ws.store, key, now(), read=not unread)
    console.print(f"Marked {'unread' if unread else 'read'}: {escape(title)}")


@app.command()
def optimize(
    yes: Annotated[bool, typer.Option("--yes", help="Apply without asking.")] = False,
    reset: Annotated[bool, typer.Option("--reset", help="Back to FSRS's defaults.")] = False,
) -> None:
    """Fit FSRS's parameters to your own reviews (at least 512 are needed), show the
    expected retention before and after, and apply them if you confirm."""
    from ladder.study.analytics import apply_parameters, optimize, reset_parameters
    from ladder.study.session import now

    cur, ws = curriculum(), workspace()
    if reset:
        reset_parameters(ws.store)
        console.print("Back to FSRS's default parameters.")
        return
    started = time.monotonic()
    rep = optimize(
        cur,
        ws.store,
        now(),
        on_fit=lambda n: console.print(f"Fitting FSRS to your {n} reviews (this takes a minute)…"),
    )
    console.print(
        f"{rep.reviews} reviews, fitted in {time.monotonic() - started:.0f} s. Of your reviews "
        f"a day or more apart, {100 * rep.observed:.1f} % were remembered."
    )
    console.print(f"                     {'now':>10} {'fitted':>10}")
    console.print(f"  log-loss           {rep.log_loss_before:10.4f} {rep.log_loss_after:10.4f}"
                  "   [dim](lower: predicts your answers better)[/dim]")  # fmt: skip
    console.print(
        f"  expected retention {100 * rep.retention_before:9.1f}% {100 * rep.retention_after:9.1f}%"
        "   [dim](of everything you review, today)[/dim]"
    )
    if not yes:
        typed = _ask("Use the fitted parameters from now on? (y/n) ")
        if not typed or not typed.strip().lower().startswith("y"):
            console.print("Nothing changed.")
            return
    apply_parameters(ws.store, rep.parameters_after)
    console.print("Applied: your next reviews are scheduled with your own parameters "
                  "(`ladder optimize --reset` goes back).")  # fmt: skip


__all__ = [
    "papers_app",
    "placement",
    "recall",
    "notebook",
    "optimize",
    "due_line",
    "print_mastery",
    "print_bands",
    "print_analytics",
    "review_exercise",
]
