"""Reading the numbers a lesson states, for the tests that recompute them.

A lesson's text is searched with every run of whitespace folded into one space, so a
pattern never depends on where a line happens to break (``RAW_LESSONS`` keeps the lines,
for reading a table). :func:`check` accepts a computed
value that rounds to the printed number: within half a unit of its last digit.
"""

from __future__ import annotations

import re

import pytest

from ladder.curriculum import load_curriculum

__all__ = ["LESSONS", "RAW_LESSONS", "NUM", "flat", "stated_text", "stated", "half_unit", "check"]

RAW_LESSONS = {lid: lesson.body for lid, lesson in load_curriculum().lessons.items()}  # tables
LESSONS = {lid: " ".join(body.split()) for lid, body in RAW_LESSONS.items()}
NUM = r"(-?\d[\d,]*(?:\.\d+)?)"  # a number as lessons print it: 1,234.5


def flat(lesson: str) -> str:
    """The lesson's text, whitespace runs as one space."""
    return LESSONS[lesson]


def stated_text(lesson: str, pattern: str, group: int = 1) -> str:
    """The text ``pattern`` captures in the lesson (a clear failure when it is gone)."""
    m = re.search(pattern, LESSONS[lesson], flags=re.S)
    assert m, f"{lesson} no longer states {pattern!r}"
    return m.group(group)


def _number(text: str) -> str:
    return text.replace(",", "").rstrip(".")


def stated(lesson: str, pattern: str, group: int = 1) -> float:
    """The number ``pattern`` captures (thousands separators dropped)."""
    return float(_number(stated_text(lesson, pattern, group)))


def half_unit(text: str) -> float:
    """Half a unit of the last printed digit of a number as written."""
    text = _number(text)
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10.0**-decimals + 1e-12


def check(lesson: str, pattern: str, value: float, group: int = 1) -> None:
    """``value`` rounds to the number the lesson prints."""
    text = _number(stated_text(lesson, pattern, group))
    assert value == pytest.approx(float(text), abs=half_unit(text)), (lesson, pattern, value)
