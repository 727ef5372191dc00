"""The benchmark harness: ratios point the stated way, every area follows the contract."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
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


def test_scaling_slope_table_and_plot(tmp_path):
    # A synthetic curve: times exactly n^1 and n^2, so the fitted slopes are 1 and 2.
    from benchmarks.scaling import CURVES, Curve, plot, table

    sizes = [100, 200, 400, 800]
    c = Curve(
        "toy",
        "Toy (size)",
        "items",
        sizes,
        {"ours": [n * 1e-6 for n in sizes], "ref": [n**2 * 1e-9 for n in sizes]},
        "O(n) (stated)",
        {"ours": [n / 100 for n in sizes], "ref": [1.0, 2.0]},
    )
    assert abs(c.slope("ours") - 1) < 1e-9 and abs(c.slope("ref") - 2) < 1e-9
    text = table([c])
    assert "**1.00** (ours)" in text and "**2.00** (ref)" in text and "O(n) (stated)" in text
    assert "ours 8.0 MiB (slope 1.00)" in text and "ref 2.0 MiB at 200" in text
    assert plot(c, tmp_path).stat().st_size > 1000
    assert all(callable(f) for f in CURVES.values()) and len(CURVES) >= 7


def test_the_warm_check_benchmark_grades_a_passing_file(tmp_path):
    """The torch-check row times a file the grader passes (it measured nothing once the
    attention checks gained the fully masked row and the file did not handle it)."""
    pytest.importorskip("torch")
    from benchmarks.bench_cli import ATTENTION

    from ladder.curriculum import load_curriculum
    from ladder.study.grader import grade

    path = tmp_path / "attention.py"
    path.write_text(ATTENTION)
    verdict = grade(load_curriculum().exercises["transformer.attention"], path)
    assert verdict.passed, verdict
