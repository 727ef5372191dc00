"""Card lint: the mistakes that make a flashcard unfair, found before a learner does.

Run by :func:`ladder.curriculum.validate.validate`, so ``ladder dev check`` and
``tests/test_curriculum.py`` refuse a card that

* asks two things at once ("What is X, and why …?", two question marks);
* gives its answer away: a cloze whose hidden text also stands in the open, a choice
  whose right option is quoted in the front or stands out by its length, a numeric
  answer printed in the front;
* is numeric with an answer that has no short exact form (2/3, ln 3) but states no
  precision (`decimals`, said in the front: "to two decimals"), states one in the front
  that `decimals` does not match, or has a `tolerance` tighter than that precision;
* asks for a percentage without `percent = true` (or the reverse);
* is a choice card whose author flagged a second defensible option (`defensible`).

The rules for answers are in AUTHORING.md ("Cards").
"""

from __future__ import annotations

import re

from ladder.curriculum.schema import Card

__all__ = ["lint_card", "stated_decimals"]

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_DECIMALS = re.compile(
    r"\b(one|two|three|four|five|six|[1-6])\s+(?:decimals?|decimal places?)\b", re.IGNORECASE
)
_WHOLE = re.compile(r"\b(whole number|integer|nearest (whole|integer|unit))\b", re.IGNORECASE)
_SECOND_QUESTION = re.compile(
    r"(,|;)?\s+and\s+(what|why|how|which|when|where|who|whose|whom)\b", re.IGNORECASE
)
_PERCENT = re.compile(r"\bpercent(age)?\b|\bper cent\b|\bin %", re.IGNORECASE)
CLOZE = re.compile(r"\{\{(.+?)\}\}")


def _shown_length(text: str) -> int:
    """About how long a text looks once its ``$…$`` math is rendered: LaTeX commands,
    braces and dollar signs do not count (``$X^\\top X$`` reads as three letters)."""
    return len(re.sub(r"\\[A-Za-z]+|[${}]", "", text))


def stated_decimals(front: str) -> int | None:
    """The precision a front asks for: "to two decimals" → 2, "a whole number" → 0."""
    m = _DECIMALS.search(front)
    if m:
        word = m.group(1).lower()
        return _WORDS.get(word, int(word) if word.isdigit() else 0)
    if _WHOLE.search(front):
        return 0
    return None


def _exact_short(value: float) -> bool:
    """True for answers a learner can type exactly: integers and up to four decimals."""
    scaled = value * 10_000
    return abs(scaled - round(scaled)) < 1e-6 * max(1.0, abs(scaled))


def _number_forms(value: float) -> list[str]:
    if value == int(value):
        n = int(value)
        return [str(n), f"{n:,}"]
    return [f"{value:g}"]


def _contains(text: str, piece: str) -> bool:
    piece = piece.strip().lower()
    if len(piece) < 2:
        return False
    if re.fullmatch(r"[\w\s'-]+", piece):
        return re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", text.lower()) is not None
    return piece in text.lower()


def lint_card(card: Card) -> list[str]:
    """Every problem with one card, as sentences that say how to fix it."""
    out: list[str] = []
    front = card.front
    visible = CLOZE.sub(" ", front) if card.kind == "cloze" else front

    # One question per card.
    if visible.count("?") > 1 or _SECOND_QUESTION.search(visible):
        out.append("asks two things at once; keep one question per card (split it into two cards)")

    if card.kind == "cloze":
        for hidden in CLOZE.findall(front):
            if _contains(visible, hidden):
                out.append(f"gives its answer away: {hidden!r} also stands outside the {{{{…}}}}")

    if card.kind == "choice":
        right = card.choices[int(card.answer)]  # type: ignore[arg-type]
        wrong = [c for i, c in enumerate(card.choices) if i != card.answer]
        if len(right) >= 30 and _contains(front, right):
            out.append("gives its answer away: the right choice is quoted in the front")
        if _shown_length(right) > 40 and _shown_length(right) > 1.6 * max(
            _shown_length(c) for c in wrong
        ):
            out.append(
                "gives its answer away: the right choice is much longer than every other "
                "(make the options alike in length and detail)"
            )
        for i in card.defensible:
            out.append(
                f"option {i + 1} ({card.choices[i]!r}) is flagged as also defensible: "
                "reword or replace it, then remove it from `defensible`"
            )

    if card.kind == "numeric":
        value = float(card.answer)  # type: ignore[arg-type]
        said = stated_decimals(front)
        if card.decimals is None and not _exact_short(value):
            out.append(
                f"the answer {value!r} has no short exact form: set `decimals` and say it in "
                'the front ("to two decimals")'
            )
        if card.decimals is not None and said != card.decimals:
            out.append(
                f"`decimals = {card.decimals}` but the front "
                + (f"asks for {said}" if said is not None else "does not say the precision")
                + ' (write "to two decimals", or "a whole number" for 0)'
            )
        if card.decimals is None and said is not None:
            out.append(f"the front asks for {said} decimals: set `decimals = {said}`")
        if card.decimals is not None and 0 < card.tolerance < 0.5 * 10.0 ** (-card.decimals):
            out.append(
                f"`tolerance = {card.tolerance}` is tighter than the stated precision "
                f"({card.decimals} decimals accept ±{0.5 * 10.0 ** (-card.decimals):g}); "
                "drop it or widen it"
            )
        asks_percent = bool(_PERCENT.search(front))
        if asks_percent != card.percent:
            out.append(
                "the front asks for a percentage: set `percent = true`"
                if asks_percent
                else "`percent = true` but the front does not ask for a percentage"
            )
        if abs(value) >= 10 and any(
            re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", front)
            for form in _number_forms(value)
        ):
            out.append(f"gives its answer away: {value:g} is printed in the front")
    return out
