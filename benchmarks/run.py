"""Run the benchmarks side by side and print (or write) the README table.

    python -m benchmarks.run                 # every bench_*.py, full size
    python -m benchmarks.run --quick cli ml  # chosen ones, small sizes
    python -m benchmarks.run --readme        # also replace the table in README.md
    python -m benchmarks.run --scaling       # how cost grows: plots and table (scaling.py)

Each ``benchmarks/bench_<area>.py`` has ``run(quick: bool) -> list[dict]``; a row holds
``benchmark``, ``ours``, ``reference``, ``reference_name``, ``unit``, ``better``
("lower" or "higher") and ``note``. Ours and the reference are measured in the same run
on the same data; the table reports their ratio, written so that **above 1 means ours is
better** (for times: reference / ours; for quality: ours / reference).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE.parent / "README.md"
SHARED_DATA = HERE.parent.parent / "shared" / "data"
BEGIN, END = "<!-- benchmarks:begin -->", "<!-- benchmarks:end -->"


def ratio(row: dict) -> float | None:
    ours, ref = row.get("ours"), row.get("reference")
    if not ours or not ref:
        return None
    return ref / ours if row.get("better", "lower") == "lower" else ours / ref


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value * 1e3:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit in ("acc", "%"):
        return f"{value:.4f}" if value <= 1 else f"{value:.2f} %"
    return f"{value:.4g}{(' ' + unit) if unit else ''}"


def table(rows: list[dict]) -> str:
    lines = [
        "| benchmark | ours | reference | ratio (>1: ours better) | note |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        q = ratio(r)
        lines.append(
            f"| {r['benchmark']} | {_fmt(r.get('ours'), r.get('unit', ''))} | "
            f"{_fmt(r.get('reference'), r.get('unit', ''))} ({r.get('reference_name', '')}) | "
            f"{'—' if q is None else f'{q:.2f}×'} | {r.get('note', '')} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("areas", nargs="*", help="bench_<area>.py names; default: all")
    parser.add_argument("--quick", action="store_true", help="small sizes (smoke test)")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON")
    parser.add_argument(
        "--scaling",
        action="store_true",
        help="time against input size instead (benchmarks/scaling.py; areas = curve names)",
    )
    args = parser.parse_args(argv)
    # Benchmarks read the real datasets from the shared copies, never the network.
    if SHARED_DATA.is_dir():
        os.environ.setdefault("LADDER_DATA_PATH", str(SHARED_DATA))
    os.environ.setdefault("LADDER_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.scaling:
        from benchmarks import scaling

        scaling.run(args.areas or None, quick=args.quick)
        return 0
    areas = args.areas or sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    rows: list[dict] = []
    for area in areas:
        module = importlib.import_module(f"benchmarks.bench_{area}")
        t0 = time.perf_counter()
        try:
            got = module.run(quick=args.quick)
        except Exception as exc:  # noqa: BLE001 - one failing area must not hide the others
            print(f"bench_{area} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        rows += got
        print(f"bench_{area}: {len(got)} rows in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    text = table(rows)
    stamp = (
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()} "
        f"({platform.processor() or 'CPU'}), Python {platform.python_version()}"
        f"{', quick sizes' if args.quick else ''}."
    )
    print(text)
    print("\n" + stamp)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    if args.readme:
        readme = README.read_text("utf-8")
        if BEGIN not in readme:
            raise SystemExit(f"README.md has no {BEGIN} … {END} markers")
        head, rest = readme.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        README.write_text(f"{head}{BEGIN}\n{text}\n\n{stamp}\n{END}{tail}", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
