"""The study service's learner-facing refusals, in a module of their own so every part of
``ladder.study`` can raise them without importing :mod:`ladder.study.session` (which
imports those parts). ``session`` re-exports both: ``session.Refused`` is this class."""

from __future__ import annotations

__all__ = ["Refused", "Invalid"]


class Refused(Exception):
    """The learner asked for something not possible now; the message says why and what
    to do, in one sentence."""


class Invalid(Refused):
    """What the learner sent cannot be used (an empty answer, a rating out of range)."""
