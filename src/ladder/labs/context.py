"""What a lab receives: where to write, how to report progress, tables and figures.

A lab never prints. It reports through the context, and whoever runs it (the terminal,
the web app, a test) decides how to show the events. Everything reported is also kept
for ``metrics.json``.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["LabContext", "timed", "torch_threads"]

T = TypeVar("T")


@dataclass
class LabContext:
    out_dir: Path  # runs/<lab>/<time>/: metrics.json, PNG plots, checkpoints
    quick: bool = False  # a smaller run (tests, smoke checks); labs shrink their work
    seed: int = 0
    on_event: Callable[[dict[str, Any]], None] = lambda event: None
    metrics: dict[str, Any] = field(default_factory=dict)
    tables: list[dict[str, Any]] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)

    def log(self, message: str) -> None:
        self.on_event({"type": "log", "message": message})

    def progress(
        self, items: Iterable[T], total: int | None = None, description: str = ""
    ) -> Iterator[T]:
        """Iterate ``items`` while reporting progress (at most ~20 updates a second)."""
        if total is None:
            try:
                total = len(items)  # type: ignore[arg-type]
            except TypeError:
                total = None
        last = 0.0
        done = 0
        self.on_event(
            {"type": "progress", "description": description, "completed": 0, "total": total}
        )
        for item in items:
            yield item
            done += 1
            now = time.monotonic()
            if now - last > 0.05 or done == total:
                last = now
                self.on_event(
                    {
                        "type": "progress",
                        "description": description,
                        "completed": done,
                        "total": total,
                    }
                )
        self.on_event({"type": "progress_end", "description": description})

    def metric(self, name: str, value: Any) -> None:
        self.metrics[name] = value
        self.on_event({"type": "metric", "name": name, "value": value})

    def table(self, title: str, columns: list[str], rows: list[list[Any]]) -> None:
        # NaN marks "not applicable": store it as None so metrics.json stays valid JSON
        # and every viewer shows a dash.
        rows = [
            [None if isinstance(v, float) and math.isnan(v) else v for v in row] for row in rows
        ]
        table = {"title": title, "columns": columns, "rows": rows}
        self.tables.append(table)
        self.on_event({"type": "table", **table})

    def figure(self, name: str) -> Path:
        """A path for a PNG plot named ``name``; call :meth:`saved` after writing it."""
        self.out_dir.mkdir(parents=True, exist_ok=True)
        return self.out_dir / f"{name}.png"

    def saved(self, path: Path) -> None:
        self.figures.append(path.name)
        self.on_event({"type": "figure", "path": str(path)})


def quiet_hugging_face() -> None:
    """Silence Hugging Face's notices and progress bars (weight loading, downloads): in a
    lab's output they are noise between our tables."""
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


@contextmanager
def torch_threads(n: int | None) -> Iterator[None]:
    """Run a lab's work on ``n`` torch threads (``None``: as many as now), then put back
    the count there was: the setting is global, and a lab run in the web server or a
    test must not change what the process runs next (a training's last digits move with
    the thread count)."""
    import torch

    before = torch.get_num_threads()
    if n is not None:
        torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def timed(fn: Callable[[], T], repeats: int = 1) -> tuple[T, float]:
    """Call ``fn`` ``repeats`` times; return its last result and the median wall time (s).

    Labs time ours and the reference library the same way, in the same run.
    """
    times: list[float] = []
    out: T
    for _ in range(max(1, repeats)):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return out, sorted(times)[len(times) // 2]
