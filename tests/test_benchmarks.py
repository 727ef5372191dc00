"""The benchmark harness: ratios point the stated way, every area follows the contract."""

from __future__ import annotations

import importlib
from pathlib import Path

from benchmarks.run import ratio, table

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def test_ratio_above_one_means_ours_is_better():
    assert ratio({"ours": 1.0, "reference": 2.0, "better": "lower"}) == 2.0  # twice as fast
    assert ratio({"ours": 0.9, "reference": 0.6, "better": "higher"}) == 1.5  # more accurate
    assert ratio({"ours": 0.0, "reference": 1.0}) is None


def test_table_has_a_row_per_benchmark():
    rows = [
        {
            "benchmark": "b",
            "ours": 0.002,
            "reference": 0.004,
            "reference_name": "ref",
            "unit": "s",
            "better": "lower",
            "note": "n",
        }
    ]
    text = table(rows)
    assert "| b | 2.0 ms | 4.0 ms (ref) | 2.00× | n |" in text


def test_every_area_has_a_run_function():
    for path in sorted(BENCH.glob("bench_*.py")):
        module = importlib.import_module(f"benchmarks.{path.stem}")
        assert callable(getattr(module, "run", None)), path.name
