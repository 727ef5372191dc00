"""What a check or an answer did to the review schedule, as the learner reads it: shared
by ``ladder check`` (:mod:`~ladder.cli.exercises`), ``ladder review``
(:mod:`~ladder.cli.review`) and :mod:`~ladder.cli.learning`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape

from ladder.cli.common import console

if TYPE_CHECKING:
    from ladder.curriculum import Curriculum
    from ladder.study.recall import RecallResult

__all__ = ["RATING", "print_brought_forward", "print_recall"]

RATING = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def print_brought_forward(cur: Curriculum, moved: list) -> None:
    from ladder.study.concepts import explain

    if moved:
        console.print(f"[yellow]{escape(explain(cur, moved))}[/yellow]")


def print_recall(cur: Curriculum, result: RecallResult | None) -> None:
    """What a pass did to the review schedule (``ladder check``, the review loop)."""
    from ladder.study.session import interval_text, now

    if result is None:
        return
    when = interval_text(result.due - now()) if result.due > now() else "now"
    if result.first:
        console.print(
            f"[dim]{result.exercise} joins your reviews: you will write it again in {when} "
            f"(rated {RATING[result.rating]}).[/dim]"
        )
        return
    minutes = f"{result.seconds / 60:.0f} min, " if result.seconds is not None else ""
    console.print(
        f"Written again: rated [bold]{RATING[result.rating]}[/bold] ({minutes}"
        f"{result.hints} hint(s), {result.failed} failed check(s)); next in {when}."
    )
    print_brought_forward(cur, result.brought_forward)
