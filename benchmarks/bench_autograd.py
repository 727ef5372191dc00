"""ladder.autograd/ladder.nn against PyTorch (CPU): one training step of an MLP
(784-256-10, batch 128) and of LeNet-5 (batch 128), time and peak memory.

Each (library, model) pair runs in a fresh process with ONE BLAS/OpenMP thread on both
sides: on this small shared CPU a second spinning thread makes both libraries slower and
noisier, and one thread compares the work each library does, not its threading.
A step is forward + cross-entropy + backward + Adam update on random MNIST-shaped
float32 data; the time is the median over ``steps`` steps after two warm-up steps.
Peak memory is the growth of the process's peak resident set (``ru_maxrss``) during the
steps, beyond what the model, data and imports already held.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

BATCH = 128
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _ours(model: str):
    import numpy as np

    from ladder.autograd import Tensor
    from ladder.nn import Adam, Flatten, Linear, ReLU, Sequential, cross_entropy
    from ladder.nn.digits import build_model

    net = (
        Sequential(Flatten(), Linear(784, 256), ReLU(), Linear(256, 10))
        if model == "mlp"
        else build_model("lenet5")
    )
    opt = Adam(net.parameters(), lr=1e-3)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(BATCH, 1, 28, 28)).astype(np.float32)
    y = rng.integers(0, 10, BATCH)

    def step() -> None:
        loss = cross_entropy(net(Tensor(x)), y)
        opt.zero_grad()
        loss.backward()
        opt.step()

    return step


def _torch(model: str):
    import torch

    from ladder.nn.digits_torch import build_model

    torch.set_num_threads(1)
    torch.manual_seed(0)
    net = (
        torch.nn.Sequential(
            torch.nn.Flatten(), torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10)
        )
        if model == "mlp"
        else build_model("lenet5")
    )
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    x = torch.randn(BATCH, 1, 28, 28)
    y = torch.randint(0, 10, (BATCH,))

    def step() -> None:
        loss = torch.nn.functional.cross_entropy(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()

    return step


def _worker(lib: str, model: str, steps: int) -> dict:
    step = (_ours if lib == "ours" else _torch)(model)
    before = _maxrss_mib()
    for _ in range(2):
        step()
    times = []
    for _ in range(steps):
        t = time.perf_counter()
        step()
        times.append(time.perf_counter() - t)
    times.sort()
    return {"seconds": times[len(times) // 2], "peak_mib": _maxrss_mib() - before}


def _measure(lib: str, model: str, steps: int) -> dict:
    env = {**os.environ, **ONE_THREAD}
    src = str(Path(__file__).resolve().parents[1] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    out = subprocess.run(
        [sys.executable, __file__, "--worker", lib, model, str(steps)],
        capture_output=True, text=True, env=env, check=True, timeout=600,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(quick: bool = False) -> list[dict]:
    """Rows for benchmarks/run.py: step time and peak memory, ours vs torch."""
    steps = {"mlp": 5 if quick else 30, "lenet5": 3 if quick else 15}
    names = {"mlp": "MLP 784-256-10", "lenet5": "LeNet-5"}
    rows = []
    for model in ("mlp", "lenet5"):
        ours = _measure("ours", model, steps[model])
        ref = _measure("torch", model, steps[model])
        note = f"batch {BATCH}, float32, Adam, 1 thread each, median of {steps[model]} steps"
        rows.append({
            "benchmark": f"{names[model]} training step (ladder.nn vs torch CPU)",
            "ours": ours["seconds"], "reference": ref["seconds"],
            "reference_name": "PyTorch 2.13 CPU", "unit": "s", "better": "lower", "note": note,
        })  # fmt: skip
        rows.append({
            "benchmark": f"{names[model]} training step peak memory",
            "ours": ours["peak_mib"], "reference": ref["peak_mib"],
            "reference_name": "PyTorch 2.13 CPU", "unit": "MiB", "better": "lower",
            "note": "growth of peak RSS during the steps (fresh process each); " + note,
        })  # fmt: skip
    return rows


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--worker":
        print(json.dumps(_worker(sys.argv[2], sys.argv[3], int(sys.argv[4]))))
    else:
        for row in run(quick="--quick" in sys.argv):
            print(json.dumps(row))
