"""Spaced repetition: which cards are due, checking answers, and FSRS scheduling.

Scheduling is the ``fsrs`` package (FSRS-6, the algorithm Anki uses) behind this small
adapter; the current time is always passed in, so reviews are testable. A card becomes
available once its lesson is read. New cards are limited per day (default 20, setting
``new_per_day``). Self-rated cards (``basic``, ``cloze``) take the learner's
Again/Hard/Good/Easy; ``numeric`` and ``choice`` cards are checked and rated from
correctness and answer time (:func:`auto_rating`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from ladder.curriculum import Card, Curriculum
from ladder.study.store import Store

if TYPE_CHECKING:
    from fsrs import Scheduler

__all__ = [
    "DueCard",
    "Memory",
    "auto_rating",
    "check_answer",
    "numeric_correct",
    "shown_answer",
    "cloze_front",
    "cloze_back",
    "NEW_PER_DAY",
    "FAST_SECONDS",
    "SLOW_SECONDS",
    "PARAMETERS_KEY",
    "scheduler_for",
]

NEW_PER_DAY = 20
FAST_SECONDS = 8.0  # a right answer this quick is rated Easy
SLOW_SECONDS = 40.0  # a right answer slower than this is rated Hard
RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
CLOZE = re.compile(r"\{\{(.+?)\}\}")


PARAMETERS_KEY = "fsrs_parameters"  # the learner's own FSRS weights (`ladder optimize`)


def scheduler_for(store: Store, *, steps: bool = True) -> Scheduler:
    """The FSRS scheduler of this learner: their own parameters once ``ladder optimize``
    has fitted them, FSRS's defaults before. ``steps=False`` (code recall) skips the
    minute-scale learning steps: an exercise comes back after days, not minutes."""
    import json

    from fsrs import Scheduler

    saved = store.get_setting(PARAMETERS_KEY)
    kwargs: dict = {"parameters": tuple(json.loads(saved))} if saved else {}
    if not steps:
        kwargs.update(learning_steps=(), relearning_steps=())
    # Fuzzing off: the same answers always give the same intervals.
    return Scheduler(enable_fuzzing=False, **kwargs)


def cloze_front(card: Card) -> str:
    return CLOZE.sub("[…]", card.front)


def cloze_back(card: Card) -> str:
    return CLOZE.sub(lambda m: m.group(1), card.front)


def auto_rating(correct: bool, seconds: float) -> int:
    """FSRS rating for a checked answer: wrong → Again (1); right → Easy (4) within
    :data:`FAST_SECONDS`, Hard (2) beyond :data:`SLOW_SECONDS`, Good (3) in between."""
    if not correct:
        return 1
    if seconds <= FAST_SECONDS:
        return 4
    if seconds > SLOW_SECONDS:
        return 2
    return 3


def _number(text: str, *, percent: bool = False) -> float:
    """Parse a typed number: ``0.67``, ``-1.34`` (or ``−1.34``), ``2/3``, ``1,050,624``,
    ``1e-5``, ``12%``. A trailing ``%`` means hundredths, except on a card that asks for a
    percentage (``percent``), where "12%" and "12" are both 12."""
    text = text.strip().replace(",", "").replace("\u2212", "-").replace(" ", "")
    text = text.replace("\u00a0", "").replace("\u202f", "")
    scale = 1.0
    if text.endswith("%"):
        text = text[:-1]
        scale = 1.0 if percent else 0.01
    if "/" in text:
        num, _, den = text.partition("/")
        return float(num) / float(den) * scale
    return float(text) * scale


def _rounded(value: float, decimals: int) -> Decimal:
    """``value`` rounded half away from zero to ``decimals`` places (as people round)."""
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def shown_answer(card: Card) -> str:
    """A numeric card's answer as the front asks for it: "0.67", "12 %", "62,050"."""
    value = float(card.answer)  # type: ignore[arg-type]
    if card.decimals is not None:
        text = f"{_rounded(value, card.decimals):,}"
    elif value == int(value) and abs(value) < 1e15:
        text = f"{int(value):,}"
    else:
        text = f"{value:g}"
    return f"{text} %" if card.percent else text


def numeric_correct(card: Card, value: float) -> bool:
    """The rule for numeric cards (documented in AUTHORING.md): right if ``value``
    rounds to the answer at the card's ``decimals``, or lies within its ``tolerance``;
    without either, it must equal the answer (up to float rounding)."""
    target = float(card.answer)  # type: ignore[arg-type]
    if not math.isfinite(value):
        return False
    if card.decimals is not None and _rounded(value, card.decimals) == _rounded(
        target, card.decimals
    ):
        return True
    tol = max(card.tolerance, 1e-9 * max(1.0, abs(target)))
    return abs(value - target) <= tol


def check_answer(card: Card, text: str) -> tuple[bool, str]:
    """Check a typed answer to a numeric or choice card: (correct, feedback)."""
    if card.kind == "numeric":
        right = shown_answer(card)
        try:
            value = _number(text, percent=card.percent)
        except (ValueError, ZeroDivisionError):
            return False, f"“{text}” is not a number; the answer was {right}."
        if numeric_correct(card, value):
            return True, f"Right: {right}."
        note = ""
        if card.percent and numeric_correct(card, value * 100):
            note = " The card asks for a percentage, not a fraction."
        return False, f"Not quite: the answer is {right} (you gave {text.strip()}).{note}"
    if card.kind == "choice":
        t = text.strip().lower()
        index = None
        if t.isdigit():
            index = int(t) - 1
        elif len(t) == 1 and t.isalpha():
            index = ord(t) - ord("a")
        right = card.choices[int(card.answer)]  # type: ignore[arg-type]
        if index is None or not 0 <= index < len(card.choices):
            return False, f"“{text}” is not one of the choices; the answer was: {right}."
        if index == card.answer:
            return True, f"Right: {right}."
        return False, f"Not quite: the answer is {right}."
    raise ValueError(f"card {card.id} is {card.kind}, which is self-rated, not checked")


@dataclass(frozen=True)
class DueCard:
    card: Card
    reps: int  # reviews so far (0 = new)
    due: datetime | None  # None for a new card

    @property
    def is_new(self) -> bool:
        return self.reps == 0


def start_of_day(now: datetime) -> datetime:
    """Midnight of the learner's day (local time), in UTC."""
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


class Memory:
    def __init__(
        self, curriculum: Curriculum, store: Store, scheduler: Scheduler | None = None
    ) -> None:
        self.curriculum = curriculum
        self.store = store
        self._scheduler = scheduler

    @property
    def scheduler(self) -> Scheduler:
        if self._scheduler is None:
            self._scheduler = scheduler_for(self.store)
        return self._scheduler

    @property
    def new_per_day(self) -> int:
        return int(self.store.get_setting("new_per_day", str(NEW_PER_DAY)) or NEW_PER_DAY)

    def unlocked(self) -> list[Card]:
        """Cards of read lessons, in teaching order (without those the learner suspended)."""
        read = self.store.read_lessons()
        suspended = self.store.suspended_cards()
        papers = self.store.get_setting("papers_deck", "1") != "0"  # the "papers" deck
        return [
            c
            for lesson in self.curriculum.ordered_lessons()
            if lesson.id in read
            for c in self.curriculum.cards_of(lesson.id)
            if c.id not in suspended and (papers or c.deck != "papers")
        ]

    def queue(self, now: datetime) -> list[DueCard]:
        """Due reviews (oldest due first), then new cards within today's allowance."""
        rows = self.store.card_rows()
        due, new = [], []
        for card in self.unlocked():
            row = rows.get(card.id)
            if row is None:
                new.append(DueCard(card, 0, None))
            else:
                when = datetime.fromisoformat(row["due"])
                if when <= now:
                    due.append(DueCard(card, row["reps"], when))
        due.sort(key=lambda d: d.due)  # type: ignore[arg-type,return-value]
        return due + new[: self.new_left_today(now)]

    def new_left_today(self, now: datetime) -> int:
        seen = sum(1 for log in self.store.review_logs(since=start_of_day(now)) if log["was_new"])
        return max(0, self.new_per_day - seen)

    def answer(
        self,
        item: DueCard,
        rating: int,
        now: datetime,
        *,
        duration_ms: int | None = None,
        answer: str | None = None,
        correct: bool | None = None,
    ) -> bool:
        """Schedule ``item`` after a review rated 1–4; False if it was already reviewed
        by someone else meanwhile (nothing is counted twice)."""
        from fsrs import Card as FsrsCard
        from fsrs import Rating

        if rating not in RATINGS:
            raise ValueError(
                f"rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not {rating!r}"
            )
        row = self.store.card_rows().get(item.card.id)
        state = FsrsCard.from_dict(row["state"]) if row else FsrsCard()
        new_state, _log = self.scheduler.review_card(
            state, Rating(rating), review_datetime=now, review_duration=duration_ms
        )
        return self.store.save_review(
            item.card.id,
            item.reps,
            new_state.to_dict(),
            new_state.due,
            rating,
            now,
            duration_ms,
            answer,
            correct,
        )

    def preview(self, card_id: str, now: datetime) -> dict[int, datetime]:
        """When the card would be due after each rating 1–4, answered now."""
        from fsrs import Card as FsrsCard
        from fsrs import Rating

        row = self.store.card_rows().get(card_id)
        out = {}
        for rating in RATINGS:
            state = FsrsCard.from_dict(row["state"]) if row else FsrsCard()
            new_state, _ = self.scheduler.review_card(state, Rating(rating), review_datetime=now)
            out[rating] = new_state.due
        return out

    def stats(self, now: datetime) -> dict[str, object]:
        logs = self.store.review_logs()
        recent = [
            l for l in logs if datetime.fromisoformat(l["reviewed_at"]) >= now - timedelta(days=30)
        ]
        old = [l for l in recent if not l["was_new"]]
        rows = self.store.card_rows()
        tomorrow = now + timedelta(days=1)
        queue = self.queue(now)
        per_day: dict[str, int] = {}
        for l in logs:
            day = datetime.fromisoformat(l["reviewed_at"]).astimezone().date().isoformat()
            per_day[day] = per_day.get(day, 0) + 1
        return {
            "reviews": len(logs),
            "reviews_today": sum(
                1 for l in logs if datetime.fromisoformat(l["reviewed_at"]) >= start_of_day(now)
            ),
            "retention_30d": (sum(1 for l in old if l["rating"] > 1) / len(old)) if old else None,
            "cards_unlocked": len(self.unlocked()),
            "cards_learning": len(rows),
            "due_now": sum(1 for d in queue if not d.is_new),
            "new_now": sum(1 for d in queue if d.is_new),
            "due_by_tomorrow": sum(
                1 for r in rows.values() if datetime.fromisoformat(r["due"]) <= tomorrow
            ),
            "new_left_today": self.new_left_today(now),
            "minutes_reviewing": round(sum(l["duration_ms"] or 0 for l in logs) / 60000, 1),
            "reviews_per_day": per_day,
        }
