"""Start-up and grading latency of the `ladder` command (DESIGN §9).

`ladder --help` and `ladder` (the roadmap, in a workspace) against `python -c pass`
(the interpreter's own start-up), and `ladder check` on a solved NumPy exercise
(child process included) against `python -c "import numpy"`. Medians of repeated runs.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _median(cmd: list[str], cwd: Path, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, capture_output=True, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run(quick: bool = False) -> list[dict]:
    repeats = 5 if quick else 21
    ladder = [sys.executable, "-m", "ladder"]
    tmp = Path(tempfile.mkdtemp(prefix="ladder-bench-"))
    try:
        subprocess.run([*ladder, "init", "w"], cwd=tmp, check=True, capture_output=True)
        ws = tmp / "w"
        (ws / "exercises" / "ml" / "mse.py").write_text(
            "import numpy as np\n\ndef mean_squared_error(y_true, y_pred):\n"
            "    d = np.asarray(y_true, float) - np.asarray(y_pred, float)\n"
            "    return float(np.mean(d ** 2))\n"
        )
        python = _median([sys.executable, "-c", "pass"], ws, repeats)
        numpy = _median([sys.executable, "-c", "import numpy"], ws, repeats)
        rows = [
            {
                "benchmark": "`ladder --help` start-up",
                "ours": _median([*ladder, "--help"], ws, repeats),
                "reference": python,
                "reference_name": "python -c pass",
                "unit": "s",
                "better": "lower",
                "note": "target < 250 ms",
            },
            {
                "benchmark": "`ladder` roadmap in a workspace",
                "ours": _median(ladder, ws, repeats),
                "reference": python,
                "reference_name": "python -c pass",
                "unit": "s",
                "better": "lower",
                "note": "target < 250 ms",
            },
            {
                "benchmark": "`ladder check ml.mse` (passing)",
                "ours": _median([*ladder, "check", "ml.mse"], ws, repeats),
                "reference": numpy,
                "reference_name": "python -c 'import numpy'",
                "unit": "s",
                "better": "lower",
                "note": "child process included; target < 1 s",
            },
        ]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rows
