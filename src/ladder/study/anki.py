r"""``ladder export anki FILE``: the course's cards as an Anki deck (``genanki``).

Ids are derived from the card ids, so re-exporting updates the same notes in Anki
instead of duplicating them. A multiple-choice card shows its options on the front;
every note is tagged with its stage and its lesson; ``$…$`` and ``$$…$$`` math becomes
MathJax's ``\(…\)`` and ``\[…\]``, which Anki renders.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from ladder.curriculum import Card, Curriculum

__all__ = ["export_anki", "text"]

_CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; }"


def _id(text: str) -> int:
    # Anki ids are 31-bit-ish positive integers; derive them stably from names.
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) | (1 << 30)


def text(source: str) -> str:
    """Card text as Anki HTML: escaped, with math written for MathJax."""
    from ladder.study.mathtext import DISPLAY_MATH, INLINE_MATH  # the lessons' own rules

    parts: list[str] = []
    last = 0
    math = [*((m, "\\[", "\\]") for m in DISPLAY_MATH.finditer(source))]
    covered = [(m.start(), m.end()) for m, _, _ in math]
    math += [
        (m, "\\(", "\\)")
        for m in INLINE_MATH.finditer(source)
        if not any(a <= m.start() < b for a, b in covered)
    ]
    for m, opening, closing in sorted(math, key=lambda t: t[0].start()):
        parts.append(html.escape(source[last : m.start()]))
        parts.append(opening + html.escape(m.group(1), quote=False) + closing)
        last = m.end()
    parts.append(html.escape(source[last:]))
    return "".join(parts)


def _front(card: Card) -> str:
    if card.kind == "choice":
        options = "<br>".join(f"{i + 1}. {text(c)}" for i, c in enumerate(card.choices))
        return f"{text(card.front)}<br><br>{options}"
    return text(card.front)


def _back(card: Card) -> str:
    if card.kind == "choice":
        right = text(card.choices[int(card.answer)])  # type: ignore[arg-type]
        return f"<b>{int(card.answer) + 1}. {right}</b><br>{text(card.back)}"  # type: ignore[arg-type]
    if card.kind == "numeric":
        return f"<b>{card.answer:g}</b><br>{text(card.back)}"
    return text(card.back)


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
        stage_deck = deck
        for card in cur.cards_of(lesson.id):
            deck = stage_deck
            tags = [f"ladder::stage::{stage.id}", f"ladder::lesson::{lesson.id}"]
            if card.kind == "cloze":
                cloze_text = text(card.front)
                n = 0

                def number(m):
                    nonlocal n
                    n += 1
                    return f"{{{{c{n}::{m.group(1)}}}}}"

                cloze_text = re.sub(r"\{\{(.+?)\}\}", number, cloze_text)
                note = genanki.Note(
                    model=cloze,
                    fields=[cloze_text, html.escape(lesson.title)],
                    guid=genanki.guid_for(card.id),
                    tags=tags,
                )
            else:
                note = genanki.Note(
                    model=basic,
                    fields=[_front(card), _back(card), html.escape(lesson.title)],
                    guid=genanki.guid_for(card.id),
                    tags=tags,
                )
            if card.deck == "papers":  # the lessons' papers: a deck of their own
                tags.append("ladder::papers")
                note.tags = tags
                deck = decks.setdefault(
                    "papers", genanki.Deck(_id("ladder-deck-papers"), "Ladder::Papers")
                )
            deck.add_note(note)
            count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(list(decks.values())).write_to_file(str(path))
    return count
