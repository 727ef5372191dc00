"""What every lab test does first: run the lab in quick mode through
``ladder.study.labs.run_lab`` (as ``ladder run --quick`` does) and read back what it saved."""

from __future__ import annotations

import json
from pathlib import Path

from ladder.curriculum import load_curriculum
from ladder.study.bands import assert_in_band
from ladder.study.labs import run_lab

LABS = load_curriculum().labs


def run_quick(lab_id: str, runs_dir: Path) -> tuple[dict, list, Path]:
    """The lab's metrics, tables and run folder; it must finish, with non-empty plots and
    its declared quick-run figures in their bands."""
    result = run_lab(LABS[lab_id], runs_dir, quick=True)
    assert result.status == "done", result.error
    saved = json.loads((result.out_dir / "metrics.json").read_text())
    for figure in saved["figures"]:
        assert (result.out_dir / figure).stat().st_size > 10_000, figure
    assert saved["figures"] and saved["tables"]
    # The figures the lab declares for a quick run (labs.toml bands) hold on this real run.
    assert_in_band(LABS[lab_id], saved["metrics"], quick=True)
    return saved["metrics"], saved["tables"], result.out_dir
