"""Run a lab: resolve its function, give it a context, keep what it produced.

Each run writes ``runs/<lab>/<UTC time>/metrics.json`` (metrics, tables, figures, the
lab's id and timing) beside its PNG plots, and is recorded in the progress store. This
module is the one owner of that layout: the folder's name (:func:`new_run_dir`), telling
a run's name from anything else (:func:`is_run_name`), listing runs (:func:`past_runs`),
finding one (:func:`find_run`) and the newest checkpoint (:func:`latest_checkpoint`).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ladder.curriculum import Lab
from ladder.curriculum.validate import resolve
from ladder.labs.context import LabContext

__all__ = [
    "LabResult",
    "RunInfo",
    "run_lab",
    "new_run_dir",
    "is_run_name",
    "past_runs",
    "find_run",
    "latest_checkpoint",
    "DataNeed",
    "data_needs",
    "human_number",
    "FORMAT_VERSION",
]

FORMAT_VERSION = 1
_RUN_NAME = re.compile(
    r"^(\d{8}-\d{6})(?:-(\d{1,6}))?$"
)  # UTC time, and -N for the Nth in a second


def is_run_name(name: str) -> bool:
    return bool(_RUN_NAME.match(name))


def _order(name: str) -> tuple[str, int]:
    m = _RUN_NAME.match(name)
    assert m
    return m.group(1), int(m.group(2) or 1)


def new_run_dir(runs_dir: Path, lab_id: str, started: datetime) -> Path:
    """A new, empty folder for a run; two runs in the same second get ``…-2``, ``…-3``."""
    base = runs_dir / lab_id / started.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    out_dir, n = base, 1
    while True:
        try:
            out_dir.mkdir(parents=True)
            return out_dir
        except FileExistsError:
            n += 1
            out_dir = base.with_name(f"{base.name}-{n}")


@dataclass
class RunInfo:
    name: str
    path: Path
    status: str | None
    seconds: float | None
    started: str | None
    quick: bool | None


def past_runs(runs_dir: Path, lab_id: str, limit: int | None = None) -> list[RunInfo]:
    """Finished runs of a lab (those with a ``metrics.json``), newest first."""
    folder = runs_dir / lab_id
    if not folder.is_dir():
        return []
    names = sorted((p.name for p in folder.iterdir() if is_run_name(p.name)), key=_order)
    out = []
    for name in reversed(names):
        try:
            data = json.loads((folder / name / "metrics.json").read_text("utf-8"))
        except (OSError, ValueError):
            continue
        out.append(
            RunInfo(
                name,
                folder / name,
                data.get("status"),
                data.get("seconds"),
                data.get("started"),
                data.get("quick"),
            )
        )
        if limit is not None and len(out) >= limit:
            break
    return out


def find_run(runs_dir: Path, lab_id: str, name: str) -> Path | None:
    """The folder of run ``name`` of ``lab_id``, or None (a name that is not a run's,
    or a run without its ``metrics.json``)."""
    if not is_run_name(name):
        return None
    folder = runs_dir / lab_id / name
    return folder if (folder / "metrics.json").is_file() else None


def latest_checkpoint(runs_dir: Path, lab_id: str, filename: str = "ckpt.pt") -> Path | None:
    """The newest run's checkpoint file, or None when no run has written one."""
    folder = runs_dir / lab_id
    if not folder.is_dir():
        return None
    names = sorted((p.name for p in folder.iterdir() if is_run_name(p.name)), key=_order)
    for name in reversed(names):
        if (folder / name / filename).is_file():
            return folder / name / filename
    return None


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
    out_dir = new_run_dir(runs_dir, lab.id, started)
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


@dataclass(frozen=True)
class DataNeed:
    """One dataset a lab reads, and whether this machine has it."""

    name: str  # "tinyshakespeare", "sklearn:diabetes"
    title: str
    here: bool
    how: str  # where it comes from, or how to get it


def data_needs(lab: Lab) -> list[DataNeed]:
    """The datasets ``lab`` needs (``labs.toml``'s ``datasets``), each with whether it is
    on this machine (nothing is downloaded to find out)."""
    from ladder.data import DatasetUnavailable, locate, registry

    known = registry()
    out: list[DataNeed] = []
    for name in lab.datasets:
        if name.startswith("sklearn:"):
            out.append(
                DataNeed(
                    name,
                    f"scikit-learn's {name.split(':', 1)[1]} set",
                    True,
                    "bundled with scikit-learn",
                )
            )
            continue
        ds = known.get(name)
        if ds is None:
            out.append(DataNeed(name, name, False, "not a dataset Ladder knows"))
            continue
        try:
            where = locate(name, download=False)
        except DatasetUnavailable:
            how = (
                "downloaded on the first run when online; or `ladder data add "
                f"{name} PATH` with a copy you have"
            )
            out.append(DataNeed(name, ds.title, False, how))
        else:
            out.append(DataNeed(name, ds.title, True, f"on this machine: {where}"))
    return out


def human_number(value: Any) -> str:
    """A number in a results table, as a person writes it: ``31240.5`` → ``31,240``
    (never ``3.124e+04``), ``1234.56`` → ``1,234.6``, ``0.30693`` → ``0.3069``,
    ``41304`` → ``41,304``; only very small numbers keep an exponent (``3.1e-05``).
    ``None`` is a dash; anything else is its text."""
    import math

    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    size = abs(value)
    if size == 0:
        return "0"
    if size >= 10_000:
        return f"{value:,.0f}"
    if size >= 1_000:
        return f"{value:,.1f}"
    if size >= 1e-3:
        return f"{value:.4g}"
    return f"{value:.2g}"
