"""`ladder`, `ladder --help` and `ladder list` import nothing heavy (DESIGN §2)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = [
    "torch",
    "transformers",
    "sklearn",
    "scipy",
    "statsmodels",
    "matplotlib",
    "pandas",
    "numpy",
]

PROBE = """
import json, sys
sys.argv = ["ladder", *json.loads(sys.argv[1])]
from ladder.cli import app
try:
    app()
except SystemExit:
    pass
print("MODULES=" + json.dumps(sorted(m for m in sys.modules if "." not in m)))
"""


@pytest.mark.parametrize("args", [[], ["--help"], ["list"], ["map", "--json"]])
def test_no_heavy_imports(args, tmp_path):
    subprocess.run(
        [sys.executable, "-m", "ladder", "init", "w"], cwd=tmp_path, check=True, capture_output=True
    )
    out = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        cwd=tmp_path / "w",
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    modules = set(json.loads(out.split("MODULES=")[1]))
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))
