"""Test helpers shared by the study and CLI tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def ladder(
    *args: str, cwd: Path, input: str | None = None, env: dict | None = None, timeout: float = 600
) -> subprocess.CompletedProcess:
    """Run the real `ladder` command as a learner would (through `python -m ladder`).

    ``timeout`` only turns a hang into a failure: it is far above any normal run, so a
    loaded machine (CI shares its cores) slows a test down but never fails it."""
    full_env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1", **(env or {})}
    full_env.pop("LADDER_WORKSPACE", None) if "LADDER_WORKSPACE" not in (env or {}) else None
    return subprocess.run(
        [sys.executable, "-m", "ladder", *args],
        cwd=cwd,
        input=input,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
    )
