"""What the stats show besides the counts: the reviews coming due day by day, the days
you studied, and how you rated your answers. ``ladder stats`` and the web app's stats
page both call these."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from ladder.curriculum import Curriculum
from ladder.study.store import Store

__all__ = ["due_forecast", "study_days", "rating_counts"]


def _local_day(iso: str) -> date:
    return datetime.fromisoformat(iso).astimezone().date()


def due_forecast(store: Store, now: datetime, days: int = 30) -> list[tuple[str, int]]:
    """Cards in review that come due on each of the next ``days`` local days, today
    first (today counts the overdue ones too); suspended cards are left out."""
    today = now.astimezone().date()
    counts = [0] * days
    suspended = store.suspended_cards()
    for card_id, row in store.card_rows().items():
        if card_id in suspended:
            continue
        offset = max(0, (_local_day(row["due"]) - today).days)
        if offset < days:
            counts[offset] += 1
    return [((today + timedelta(days=k)).isoformat(), counts[k]) for k in range(days)]


def study_days(cur: Curriculum, store: Store) -> dict[str, int]:
    """For each local day with any study, how many things were done: cards answered,
    exercises checked and lessons read."""
    out: dict[str, int] = {}

    def add(iso: str) -> None:
        day = _local_day(iso).isoformat()
        out[day] = out.get(day, 0) + 1

    for log in store.review_logs():
        add(log["reviewed_at"])
    for exercise_id in cur.exercises:
        for attempt in store.attempts(exercise_id):
            add(attempt["at"])
    for at in store.read_lessons().values():
        add(at)
    return out


def rating_counts(store: Store) -> dict[str, int]:
    """How many answers were rated Again, Hard, Good and Easy, in all."""
    from ladder.study.memory import RATINGS

    counts = {label: 0 for label in RATINGS.values()}
    for log in store.review_logs():
        counts[RATINGS[log["rating"]]] += 1
    return counts
