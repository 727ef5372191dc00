"""Expected-result bands: did a lab land where it should, and if not, why likely not.

Each lab may declare in ``labs.toml`` the figures it should reach (``[[lab.band]]``: a
metric with bounds for a full run and for a quick one) and a short ``diagnosis`` list of
what usually goes wrong. After a run, :func:`check_bands` reads its metrics and says for
each band: in band, out of band (with the band's likely causes and the lab's diagnosis),
or not measured. ``ladder run`` prints it; the run's page shows it; the lab tests assert
it on real runs (:func:`assert_in_band`).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from ladder.curriculum import Band, Lab

__all__ = ["BandResult", "check_bands", "bands_of_run", "assert_in_band", "band_text"]


@dataclass
class BandResult:
    metric: str
    value: float | None  # None: the run did not report it
    low: float | None
    high: float | None
    status: str  # "in", "below", "above", "missing", "unchecked" (no bound for this mode)
    causes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status in ("in", "unchecked")

    def to_dict(self) -> dict:
        return dict(vars(self), ok=self.ok)


def band_text(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{low:g} – {high:g}"
    if low is not None:
        return f"≥ {low:g}"
    if high is not None:
        return f"≤ {high:g}"
    return "not checked"


def _check(band: Band, metrics: dict, quick: bool, diagnosis: list[str]) -> BandResult:
    low, high = band.bounds(quick)
    raw = metrics.get(band.metric)
    if low is None and high is None:
        return BandResult(band.metric, None, None, None, "unchecked")
    try:
        value = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return BandResult(band.metric, None, low, high, "missing", list(band.causes) + diagnosis)
    if math.isnan(value) or (low is not None and value < low):
        status = "below"
    elif high is not None and value > high:
        status = "above"
    else:
        status = "in"
    causes = [] if status == "in" else list(band.causes) + [d for d in diagnosis]
    return BandResult(band.metric, value, low, high, status, causes)


def check_bands(lab: Lab, metrics: dict, quick: bool) -> list[BandResult]:
    """Each declared band of ``lab`` against a run's ``metrics`` (a quick run's bounds
    when ``quick``)."""
    return [_check(b, metrics, quick, list(lab.diagnosis)) for b in lab.band]


def bands_of_run(lab: Lab, run_dir: Path) -> list[BandResult]:
    """The bands of a finished run, read from its ``metrics.json``."""
    data = json.loads((run_dir / "metrics.json").read_text("utf-8"))
    if data.get("status") != "done":
        return []
    return check_bands(lab, data.get("metrics", {}), bool(data.get("quick")))


def assert_in_band(lab: Lab, metrics: dict, quick: bool) -> list[BandResult]:
    """For the lab tests: every band with a bound for this mode holds on a real run."""
    results = check_bands(lab, metrics, quick)
    bad = [r for r in results if not r.ok]
    if bad:
        lines = [
            f"{r.metric} = {r.value} ({r.status}; band {band_text(r.low, r.high)})" for r in bad
        ]
        raise AssertionError(f"{lab.id} out of band: " + "; ".join(lines))
    return results
