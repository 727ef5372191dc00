"""``ladder export anki FILE``: the course's cards as an Anki deck (``genanki``).

Ids are derived from the card ids, so re-exporting updates the same notes in Anki
instead of duplicating them.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from ladder.curriculum import Card, Curriculum

__all__ = ["export_anki"]

_CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; }"


def _id(text: str) -> int:
    # Anki ids are 31-bit-ish positive integers; derive them stably from names.
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) | (1 << 30)


def _back(card: Card) -> str:
    if card.kind == "choice":
        options = "<br>".join(f"{i + 1}. {html.escape(c)}" for i, c in enumerate(card.choices))
        right = html.escape(card.choices[int(card.answer)])  # type: ignore[arg-type]
        return f"{options}<hr><b>{right}</b><br>{html.escape(card.back)}"
    if card.kind == "numeric":
        return f"<b>{card.answer:g}</b><br>{html.escape(card.back)}"
    return html.escape(card.back)


def export_anki(cur: Curriculum, path: Path, lessons: set[str] | None = None) -> int:
    """Write the cards (of ``lessons`` if given) to ``path``; return how many."""
    import genanki

    basic = genanki.Model(
        _id("ladder-basic"),
        "Ladder basic",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Lesson"}],
        templates=[
            {
                "name": "Card",
                "qfmt": "{{Front}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Back}}<br><small>{{Lesson}}</small>",
            }
        ],
        css=_CSS,
    )
    cloze = genanki.Model(
        _id("ladder-cloze"),
        "Ladder cloze",
        fields=[{"name": "Text"}, {"name": "Lesson"}],
        templates=[
            {
                "name": "Cloze",
                "qfmt": "{{cloze:Text}}",
                "afmt": "{{cloze:Text}}<br><small>{{Lesson}}</small>",
            }
        ],
        css=_CSS,
        model_type=genanki.Model.CLOZE,
    )
    decks: dict[str, genanki.Deck] = {}
    count = 0
    for lesson in cur.ordered_lessons():
        if lessons is not None and lesson.id not in lessons:
            continue
        stage = cur.stage(lesson.stage)
        deck = decks.setdefault(
            stage.id,
            genanki.Deck(_id(f"ladder-deck-{stage.id}"), f"Ladder::{stage.number}. {stage.title}"),
        )
        for card in cur.cards_of(lesson.id):
            tags = [lesson.id.replace(".", "::")]
            if card.kind == "cloze":
                text = html.escape(card.front)
                n = 0

                def number(m):
                    nonlocal n
                    n += 1
                    return f"{{{{c{n}::{m.group(1)}}}}}"

                text = re.sub(r"\{\{(.+?)\}\}", number, text)
                note = genanki.Note(
                    model=cloze,
                    fields=[text, html.escape(lesson.title)],
                    guid=genanki.guid_for(card.id),
                    tags=tags,
                )
            else:
                note = genanki.Note(
                    model=basic,
                    fields=[html.escape(card.front), _back(card), html.escape(lesson.title)],
                    guid=genanki.guid_for(card.id),
                    tags=tags,
                )
            deck.add_note(note)
            count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(list(decks.values())).write_to_file(str(path))
    return count
