"""Small inline SVG charts for the stats page (no JavaScript, no CDN).

Each function returns an ``<svg>`` string sized by its ``viewBox`` so CSS can scale
it; colours come from CSS classes in ``static/style.css``. Text is escaped.
"""

from __future__ import annotations

import html
from datetime import date, timedelta

__all__ = ["daily_bars", "hbars", "last_days", "heatmap", "rating_bars"]


def last_days(per_day: dict[str, int], today: date, days: int = 30) -> list[tuple[str, int]]:
    """``per_day`` ({"2026-03-01": 4, …}) as one (iso day, count) pair for each of the
    last ``days`` days ending ``today``, zeros included."""
    return [
        (
            (today - timedelta(days=k)).isoformat(),
            per_day.get((today - timedelta(days=k)).isoformat(), 0),
        )
        for k in range(days - 1, -1, -1)
    ]


def daily_bars(series: list[tuple[str, int]], label: str = "reviews") -> str:
    """A column chart of counts per day with the first, middle and last dates below
    (a count above each column when there are few columns)."""
    width, height, top, bottom, left = 600, 180, 16, 28, 30
    n = max(1, len(series))
    peak = max([c for _, c in series] + [1])
    slot = (width - left) / n
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{html.escape(label)} per day">'
    ]
    base = height - bottom
    parts.append(f'<line class="axis" x1="{left}" y1="{base}" x2="{width}" y2="{base}"/>')
    parts.append(f'<text class="tick" x="{left - 6}" y="{top + 4}" text-anchor="end">{peak}</text>')
    parts.append(f'<text class="tick" x="{left - 6}" y="{base}" text-anchor="end">0</text>')
    for i, (day, count) in enumerate(series):
        h = (base - top) * count / peak
        x = left + i * slot + slot * 0.15
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{base - h:.1f}" width="{slot * 0.7:.1f}" '
            f'height="{h:.1f}"><title>{html.escape(day)}: {count} '
            f"{html.escape(label)}</title></rect>"
        )
    for i in sorted({0, n // 2, n - 1}):
        if i < len(series):
            x = left + (i + 0.5) * slot
            anchor = "start" if i == 0 else "end" if i == n - 1 else "middle"
            x = left if i == 0 else width if i == n - 1 else x
            parts.append(
                f'<text class="tick" x="{x:.1f}" y="{height - 8}" text-anchor="{anchor}">'
                f"{html.escape(series[i][0][5:])}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def hbars(rows: list[tuple[str, int, int]]) -> str:
    """Horizontal progress bars: one (label, done, total) row each, "done/total" beside."""
    width, row_h, label_w = 600, 26, 210
    height = row_h * max(1, len(rows)) + 4
    bar_w = width - label_w - 70
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        'aria-label="progress per stage">'
    ]
    for i, (label, done, total) in enumerate(rows):
        y = 4 + i * row_h
        frac = done / total if total else 0.0
        parts.append(f'<text class="label" x="0" y="{y + 15}">{html.escape(label)}</text>')
        parts.append(
            f'<rect class="track" x="{label_w}" y="{y + 4}" width="{bar_w}" height="14" rx="3"/>'
        )
        if frac > 0:
            parts.append(
                f'<rect class="bar" x="{label_w}" y="{y + 4}" width="{bar_w * frac:.1f}" '
                f'height="14" rx="3"/>'
            )
        text = f"{done}/{total}" if total else "soon"
        parts.append(f'<text class="tick" x="{label_w + bar_w + 8}" y="{y + 15}">{text}</text>')
    parts.append("</svg>")
    return "".join(parts)


def heatmap(per_day: dict[str, int], today: date, weeks: int = 26) -> str:
    """Study days as a calendar: one square per day, a column per week (Monday on top),
    the last ``weeks`` weeks up to ``today``; darker for more done that day."""
    cell, gap, left, top = 13, 3, 30, 16
    start = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    width = left + weeks * (cell + gap)
    height = top + 7 * (cell + gap)
    peak = max([v for d, v in per_day.items() if d >= start.isoformat()] + [1])
    parts = [
        f'<svg class="chart heatmap" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="days studied in the last {weeks} weeks">'
    ]
    for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri")):
        parts.append(
            f'<text class="tick" x="{left - 4}" y="{top + row * (cell + gap) + cell - 2}" '
            f'text-anchor="end">{name}</text>'
        )
    month = None
    for w in range(weeks):
        first = start + timedelta(days=7 * w)
        if first.month != month:
            month = first.month
            parts.append(
                f'<text class="tick" x="{left + w * (cell + gap)}" y="{top - 5}">'
                f"{first.strftime('%b')}</text>"
            )
        for d in range(7):
            day = first + timedelta(days=d)
            if day > today:
                break
            n = per_day.get(day.isoformat(), 0)
            level = 0 if n == 0 else min(4, 1 + int(3 * n / peak))
            parts.append(
                f'<rect class="day h{level}" x="{left + w * (cell + gap)}" '
                f'y="{top + d * (cell + gap)}" width="{cell}" height="{cell}" rx="2">'
                f"<title>{day.isoformat()}: {n} done</title></rect>"
            )
    parts.append("</svg>")
    return "".join(parts)


def rating_bars(counts: dict[str, int]) -> str:
    """How answers were rated: one bar per rating (Again, Hard, Good, Easy) with its
    count and share."""
    width, row_h, label_w = 600, 26, 70
    total = sum(counts.values())
    peak = max(list(counts.values()) + [1])
    bar_w = width - label_w - 110
    height = row_h * max(1, len(counts)) + 4
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        'aria-label="answers by rating">'
    ]
    for i, (label, n) in enumerate(counts.items()):
        y = 4 + i * row_h
        share = f"{100 * n / total:.0f} %" if total else "—"
        parts.append(f'<text class="label" x="0" y="{y + 15}">{html.escape(label)}</text>')
        parts.append(
            f'<rect class="track" x="{label_w}" y="{y + 4}" width="{bar_w}" height="14" rx="3"/>'
        )
        if n:
            parts.append(
                f'<rect class="bar r{i + 1}" x="{label_w}" y="{y + 4}" '
                f'width="{bar_w * n / peak:.1f}" height="14" rx="3"/>'
            )
        parts.append(
            f'<text class="tick" x="{label_w + bar_w + 8}" y="{y + 15}">{n} · {share}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
