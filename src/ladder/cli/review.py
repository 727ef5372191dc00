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
def review(
    limit: Annotated[int, typer.Option(help="Most cards in this session.")] = 50,
    unsuspend: Annotated[
        str | None, typer.Option(help="Bring a suspended card back into reviews, and stop.")
    ] = None,
) -> None:
    """A spaced-repetition session (FSRS): the cards of lessons you have read, and the
    passed exercises due to be written again from a blank stub.

    At a prompt: q stops, u takes back your last answer, s suspends the card shown."""
    from ladder.study.mathtext import markdown_math_to_unicode
    from ladder.study.memory import RATINGS, Memory
    from ladder.study.session import (
        Refused,
        answer_card,
        card_sides,
        intervals,
        now,
        session_summary,
        start_review,
        suspend_card,
        undo_last_review,
    )

    cur, ws = curriculum(), workspace()
    if unsuspend is not None:
        suspend_card(cur, ws.store, unsuspend, suspended=False)
        console.print(f"{unsuspend} is back in your reviews.")
        return
    from ladder.cli.learning import review_exercise
    from ladder.cli.notes import print_brought_forward
    from ladder.study.recall import DueExercise, mixed_queue

    memory = Memory(cur, ws.store)
    queue = mixed_queue(cur, ws.store, now())[:limit]
    if not queue:
        if not memory.unlocked():
            raise Fail(
                "No cards yet: cards join your reviews when you read their lesson (`ladder learn`)."
            )
        console.print("Nothing is due. Come back later; `ladder stats` shows when.")
        return
    started = now()
    start_review(ws.store)
    n_ex = sum(1 for q in queue if isinstance(q, DueExercise))
    console.print(
        f"{len(queue) - n_ex} card(s) and {n_ex} exercise(s) to review. At a prompt: q stops, "
        "u takes back your last answer, s suspends the card shown.\n"
    )
    pending = list(queue)
    answered: list = []
    stop = False

    def ask(prompt: str, item) -> str | None:
        """The learner's line; handles q, u and s (None: move on without rating)."""
        nonlocal stop
        while True:
            typed = _ask(prompt)
            word = (typed or "").strip().lower()
            if typed is None or word == "q":
                stop = True
                return None
            if word == "u":
                if not answered:
                    console.print("Nothing answered in this session to take back.")
                    continue
                try:
                    undo_last_review(ws.store)
                except Refused as exc:
                    console.print(str(exc))
                    continue
                last = answered.pop()
                pending[:0] = [last, item]  # ask the last card again, then this one
                console.print(f"[dim]Took back your answer to {last.card.id}.[/dim]")
                return None
            if word == "s":
                suspend_card(cur, ws.store, item.card.id)
                console.print(
                    f"[dim]Suspended {item.card.id}: it stays out of reviews "
                    f"(`ladder review --unsuspend {item.card.id}` brings it back).[/dim]"
                )
                return None
            return typed

    exercises_done = 0
    while pending and not stop:
        item = pending.pop(0)
        if isinstance(item, DueExercise):
            done = len(answered) + exercises_done
            console.rule(
                f"{done + 1}/{done + 1 + len(pending)} · {item.exercise.lesson} · exercise"
            )
            outcome = review_exercise(cur, ws, item)
            stop = outcome == "quit"
            exercises_done += outcome == "done"
            continue
        card = item.card
        tag = "new" if item.is_new else "review"
        done = len(answered)
        console.rule(f"{done + 1}/{done + 1 + len(pending)} · {card.lesson} · {tag}")
        front, back = card_sides(cur, ws.store, card)
        shown = lambda text: markdown_math_to_unicode(text, escape=False)  # noqa: E731
        console.print(shown(front), markup=False)
        start = time.monotonic()

        if card.auto_checked:
            if card.kind == "choice":
                for i, choice in enumerate(card.choices, 1):
                    console.print(f"  {i}. {shown(choice)}", markup=False)
            typed = ask("Your answer: ", item)
            while typed is not None and not typed.strip():  # an empty Enter asks again
                typed = ask("Type your answer (q stops): ", item)
            if typed is None:
                continue
            seconds = time.monotonic() - start
            result = answer_card(
                cur, ws.store, card.id, item.reps, typed=typed, duration_ms=int(seconds * 1000)
            )
            style = "green" if result.correct else "red"
            feedback = shown(result.feedback).replace("[", "\\[")
            console.print(f"[{style}]{feedback}[/{style}]")
            print_brought_forward(cur, result.brought_forward)
            if back:
                console.print(shown(back), markup=False)
            console.print(
                f"[dim]Rated {RATINGS[result.rating]} ({'right' if result.correct else 'wrong'}, "
                f"{seconds:.0f} s).[/dim]"
            )
        else:
            typed = ask("[dim]Enter shows the answer[/dim] ", item)
            if typed is None:
                continue
            seconds = time.monotonic() - start
            console.print(shown(back), markup=False, style="bold")
            when = intervals(cur, ws.store, card.id)
            options = " · ".join(f"{r} {RATINGS[r]} ({when[r]})" for r in RATINGS)
            rating = None
            while rating is None and not stop:
                typed = ask(f"How well did you know it? {options}: ", item)
                if typed is None:
                    break
                if typed.strip() in ("1", "2", "3", "4"):
                    rating = int(typed.strip())
                else:
                    console.print("Type 1, 2, 3 or 4 (q stops, u undoes, s suspends).")
            if rating is None:
                continue
            result = answer_card(
                cur, ws.store, card.id, item.reps, rating=rating, duration_ms=int(seconds * 1000)
            )
            print_brought_forward(cur, result.brought_forward)
        answered.append(item)
    counts = session_summary(ws.store, started)
    total = sum(counts.values())
    left = mixed_queue(cur, ws.store, now())
    new = sum(1 for d in left if d.is_new)
    left_ex = sum(1 for d in left if isinstance(d, DueExercise))
    console.print(
        f"\nReviewed {total} card(s)"
        + (": " + " · ".join(f"{label} {n}" for label, n in counts.items()) if total else "")
        + f" and wrote {exercises_done} exercise(s) again"
        + f". Still waiting: {len(left) - new - left_ex} cards due, {new} new for today, "
        + f"{left_ex} exercise(s)."
    )


@app.command()
def stats(
    as_json: JsonOption = False,
    plots: Annotated[
        bool, typer.Option("--plots/--no-plots", help="Write PNG plots to stats/.")
    ] = True,
) -> None:
    """Reviews, retention (per stage and concept), time to solve, hint reliance and the
    forecast of due reviews, with plots in the workspace's stats/ folder."""
    from ladder.cli.learning import print_analytics
    from ladder.study.memory import Memory
    from ladder.study.session import now

    cur, ws = curriculum(), workspace()
    s = Memory(cur, ws.store).stats(now())
    if as_json:
        from ladder.study.analytics import report

        emit_json({**s, "analytics": report(cur, ws.store, now())})
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
    from ladder.study.activity import rating_counts, study_days

    ratings = rating_counts(ws.store)
    if sum(ratings.values()):
        console.print("Ratings: " + " · ".join(f"{k} {v}" for k, v in ratings.items()))
    console.print(f"Days with study: {len(study_days(cur, ws.store))}")
    if not s["cards_unlocked"]:
        console.print("Cards join your reviews when you read their lesson: run `ladder learn`.")
    print_analytics(cur, ws, plots=plots)


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
