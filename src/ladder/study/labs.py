"""Run a lab: resolve its function, give it a context, keep what it produced.

Each run writes ``runs/<lab>/<UTC time>/metrics.json`` (metrics, tables, figures, the
lab's id and timing) beside its PNG plots, and is recorded in the progress store.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ladder.curriculum import Lab
from ladder.curriculum.validate import resolve
from ladder.labs.context import LabContext

__all__ = ["LabResult", "run_lab", "FORMAT_VERSION"]

FORMAT_VERSION = 1


@dataclass
class LabResult:
    lab: str
    status: str  # "done" or "failed"
    out_dir: Path
    seconds: float
    context: LabContext
    error: str | None = None


def run_lab(
    lab: Lab,
    runs_dir: Path,
    *,
    on_event: Callable[[dict[str, Any]], None] = lambda e: None,
    quick: bool = False,
    store=None,
) -> LabResult:
    started = datetime.now(UTC)
    base = runs_dir / lab.id / started.strftime("%Y%m%d-%H%M%S")
    out_dir, n = base, 1
    while True:  # two runs in the same second get their own folders
        try:
            out_dir.mkdir(parents=True)
            break
        except FileExistsError:
            n += 1
            out_dir = base.with_name(f"{base.name}-{n}")
    ctx = LabContext(out_dir=out_dir, quick=quick, on_event=on_event)
    t0 = time.perf_counter()
    error = None
    try:
        fn = resolve(lab.run)
        fn(ctx)
        status = "done"
    except Exception as exc:  # noqa: BLE001 - a lab failure is reported, never fatal
        from ladder.data import DatasetUnavailable

        status = "failed"
        error = str(exc) if isinstance(exc, DatasetUnavailable) else f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - t0
    (out_dir / "metrics.json").write_text(
        json.dumps(
            {
                "format": FORMAT_VERSION,
                "lab": lab.id,
                "status": status,
                "error": error,
                "started": started.isoformat(timespec="seconds"),
                "seconds": round(seconds, 3),
                "quick": quick,
                "metrics": ctx.metrics,
                "tables": ctx.tables,
                "figures": ctx.figures,
            },
            indent=2,
            default=float,
        ),
        "utf-8",
    )
    if store is not None:
        store.record_lab(lab.id, status, str(out_dir), started, datetime.now(UTC))
    on_event({"type": "end", "status": status, "error": error, "out_dir": str(out_dir)})
    return LabResult(lab.id, status, out_dir, seconds, ctx, error)
