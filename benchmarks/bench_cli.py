"""Start-up and grading latency of the `ladder` command (DESIGN §9).

`ladder --help` and `ladder` (the roadmap, in a workspace) against `python -c pass`
(the interpreter's own start-up), `ladder check` on a solved NumPy exercise (sandboxed
child included) against `python -c "import numpy"`, and a torch exercise graded the way
`ladder watch` and `ladder serve` do it (a sandbox prepared while the learner edits)
against a cold grading. Medians of repeated runs.
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
            _warm_torch_row(ws, 3 if quick else 7),
        ]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


ATTENTION = """
import math
import torch

def scaled_dot_product_attention(q, k, v, mask=None, dropout_p=0.0, training=False):
    scores = q @ k.transpose(-2, -1) / math.sqrt(k.size(-1))
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.nan_to_num(torch.softmax(scores, dim=-1), nan=0.0)  # fully masked rows
    if dropout_p > 0.0 and training:
        weights = torch.nn.functional.dropout(weights, p=dropout_p, training=True)
    return weights @ v, weights
"""


def _warm_torch_row(ws: Path, repeats: int) -> dict:
    """Grading transformer.attention: warm (prepared sandbox) against cold, in-process
    (the trusted side's own imports are done once, as in a long-running command)."""
    from ladder.curriculum import load_curriculum
    from ladder.study.grader import WarmGrader, grade

    ex = load_curriculum().exercises["transformer.attention"]
    path = ws / "attention_solved.py"
    path.write_text(ATTENTION)
    grade(ex, path)  # the trusted side imports torch once, as `ladder serve` has
    cold, warm_times = [], []
    warm = WarmGrader()
    try:
        for _ in range(repeats):
            t0 = time.perf_counter()
            assert grade(ex, path).passed
            cold.append(time.perf_counter() - t0)
            warm.prepare(ex)
            spare = warm._spares[ex.id]
            spare.wait(time.monotonic() + 120)  # the learner is still typing
            t0 = time.perf_counter()
            assert grade(ex, path, warm=warm).passed
            warm_times.append(time.perf_counter() - t0)
    finally:
        warm.close()
    return {
        "benchmark": "checking a torch exercise (transformer.attention), warm sandbox",
        "ours": statistics.median(warm_times),
        "reference": statistics.median(cold),
        "reference_name": "the same check, cold (new sandbox, imports torch)",
        "unit": "s",
        "better": "lower",
        "note": "as in `ladder watch` / `ladder serve`; target < 1 s",
    }
