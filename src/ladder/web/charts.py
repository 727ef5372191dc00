"""Small inline SVG charts for the stats page (no JavaScript, no CDN).

Each function returns an ``<svg>`` string sized by its ``viewBox`` so CSS can scale
it; colours come from CSS classes in ``static/style.css``. Text is escaped.
"""

from __future__ import annotations

import html
from datetime import date, timedelta

__all__ = ["daily_bars", "hbars", "last_days"]


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
    """A column chart of counts per day with the first, middle and last dates below."""
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
