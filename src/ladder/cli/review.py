"""``ladder review``, ``stats``, ``config`` and ``export anki``."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from ladder.cli.common import (
    Fail,
    JsonOption,
    app,
    console,
    curriculum,
    emit_json,
    export_app,
    workspace,
)


def _ask(prompt: str) -> str | None:
    try:
        return console.input(prompt)
    except EOFError:
        return None


@app.command()
def review(limit: Annotated[int, typer.Option(help="Most cards in this session.")] = 50) -> None:
    """A spaced-repetition session (FSRS) with the cards of lessons you have read."""
    from ladder.study.mathtext import markdown_math_to_unicode
    from ladder.study.memory import RATINGS, Memory, cloze_back, cloze_front
    from ladder.study.session import answer_card, now, start_review

    cur, ws = curriculum(), workspace()
    memory = Memory(cur, ws.store)
    queue = memory.queue(now())[:limit]
    if not queue:
        if not memory.unlocked():
            raise Fail(
                "No cards yet: cards join your reviews when you read their lesson (`ladder learn`)."
            )
        console.print("Nothing is due. Come back later; `ladder stats` shows when.")
        return
    done = 0
    start_review(ws.store)
    console.print(f"{len(queue)} card(s) to review. Type q to stop at any time.\n")
    for n, item in enumerate(queue, 1):
        card = item.card
        tag = "new" if item.is_new else "review"
        console.rule(f"{n}/{len(queue)} · {card.lesson} · {tag}")
        front = cloze_front(card) if card.kind == "cloze" else card.front
        console.print(markdown_math_to_unicode(front), markup=False)
        start = time.monotonic()
        if card.auto_checked:
            if card.kind == "choice":
                for i, choice in enumerate(card.choices, 1):
                    console.print(f"  {i}. {choice}", markup=False)
            typed = _ask("Your answer: ")
            while typed is not None and not typed.strip():  # an empty Enter asks again
                typed = _ask("Type your answer (q stops): ")
            if typed is None or typed.strip().lower() == "q":
                break
            seconds = time.monotonic() - start
            result = answer_card(
                cur, ws.store, card.id, item.reps, typed=typed, duration_ms=int(seconds * 1000)
            )
            style = "green" if result.correct else "red"
            console.print(f"[{style}]" + result.feedback.replace("[", "\\[") + f"[/{style}]")
            if card.back:
                console.print(card.back, markup=False)
            console.print(
                f"[dim]Rated {RATINGS[result.rating]} ({'right' if result.correct else 'wrong'}, "
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
            answer_card(
                cur, ws.store, card.id, item.reps, rating=rating, duration_ms=int(seconds * 1000)
            )
        done += 1
    left = memory.queue(now())
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
    from ladder.study.session import now

    cur, ws = curriculum(), workspace()
    s = Memory(cur, ws.store).stats(now())
    if as_json:
        emit_json(s)
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
    key: Annotated[str | None, typer.Argument(help="Setting; omit to list them all.")] = None,
    value: Annotated[str | None, typer.Argument(help="New value; omit to show it.")] = None,
) -> None:
    """Show or change the settings of this workspace (`ladder config` lists them)."""
    from ladder.study.session import SETTINGS, get_setting, set_setting

    ws = workspace()
    if key is None:
        for s in SETTINGS.values():
            console.print(
                f"{s.key} = {get_setting(ws.store, s.key)}  [dim]{s.help}; "
                f"{s.low}–{s.high}, default {s.default}[/dim]"
            )
        console.print("`ladder config KEY VALUE` changes one.")
        return
    shown = get_setting(ws.store, key) if value is None else set_setting(ws.store, key, value)
    console.print(f"{key} = {shown}")


@export_app.command("anki")
def export_anki_(
    file: Annotated[Path, typer.Argument(help="The .apkg file to write.")],
    all_cards: Annotated[
        bool, typer.Option("--all", help="Every card, not only those of lessons read.")
    ] = False,
) -> None:
    """Write the cards as an Anki deck (.apkg)."""
    from ladder.study.anki import export_anki

    cur = curriculum()
    lessons = None
    if not all_cards:
        from ladder.study.workspace import NoWorkspace

        try:
            lessons = set(workspace().store.read_lessons())
        except NoWorkspace:
            lessons = None
    if file.suffix != ".apkg":
        raise Fail(f"Anki decks end in .apkg; try {file.with_suffix('.apkg')}.")
    count = export_anki(cur, file, lessons)
    console.print(f"Wrote {count} cards to {file}. Import it in Anki with File → Import.")
