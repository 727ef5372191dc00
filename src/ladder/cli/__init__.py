"""The ``ladder`` command: parses, calls ``ladder.study`` and the labs, prints.

One module per group of commands — :mod:`~ladder.cli.roadmap` (the roadmap, lessons,
the workspace), :mod:`~ladder.cli.exercises`, :mod:`~ladder.cli.review` (cards, stats,
settings, Anki), :mod:`~ladder.cli.labs` (labs, the web app), :mod:`~ladder.cli.tools` (the
stage-8 tools), :mod:`~ladder.cli.learning` (placement, recall, notebooks, papers, optimize),
:mod:`~ladder.cli.admin` (doctor, restore, datasets, authors' checks) — over the shared
pieces in :mod:`~ladder.cli.common`. Every rule lives in :mod:`ladder.study.session`,
which the web app calls too. Heavy libraries are imported inside the commands that need
them, so ``ladder`` and ``ladder --help`` start fast.
"""

# Importing a group registers its commands, in this order in `ladder --help`.
# ruff: noqa: I001, F401
from ladder.cli import roadmap
from ladder.cli import exercises
from ladder.cli import review
from ladder.cli import labs
from ladder.cli import tools
from ladder.cli import learning
from ladder.cli import admin
from ladder.cli.common import Fail, app, main

__all__ = ["Fail", "app", "main"]
