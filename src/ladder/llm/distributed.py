"""Data-parallel training with ``torch.distributed`` DDP, launched by ``torchrun``.

N processes ("ranks") each hold a full copy of the model. At every step each rank takes
its own slice of the global batch, computes the gradient of its mean loss, and DDP
averages the gradients across ranks (an all-reduce, overlapped with backward); every rank
then takes the same optimiser step, so the copies stay identical. With equal slices

    ḡ = (1/N) Σ_r ∇ mean_{i ∈ slice r} ℓ_i = ∇ mean_{i ∈ global batch} ℓ_i

so N ranks with batch B each follow exactly the path of one process with batch N·B, up
to the order of float32 sums. ``torchrun --nproc-per-node N`` starts the ranks, gives
each RANK, WORLD_SIZE and a rendezvous address, watches them, and stops all when one
fails. On CPUs the backend is gloo; on GPUs NCCL (one GPU per rank; with fewer GPUs than
ranks, gloo on CUDA tensors).

``launch(...)`` runs ``torchrun`` on ``python -m ladder.llm.distributed`` and returns the
losses of rank 0; ``train_single(...)`` is the one-process run with the doubled batch.
A missing ``torchrun``, a rank that raises, or a run past its time limit stops with one
sentence (``DistributedRunError``), never a hang.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path

__all__ = ["DDPConfig", "DistributedRunError", "launch", "train_single", "main"]


class DistributedRunError(RuntimeError):
    """A distributed run could not start or did not finish; the message says why."""


@dataclass(frozen=True)
class DDPConfig:
    steps: int = 20  # optimiser steps
    batch_size: int = 8  # sequences per rank per step (the global batch is N times this)
    block_size: int = 32  # tokens per sequence
    n_layer: int = 2  # Llama-style model: blocks
    n_embd: int = 64  # width
    n_head: int = 4  # query heads
    n_kv_head: int = 2  # key/value heads
    lr: float = 3e-3  # AdamW learning rate
    seed: int = 1337  # seeds the model and the batches (the same on every rank)
    data: str = "pydoc"  # "pydoc" (Python's help topics, embedded) or "tinyshakespeare"
    device: str = "cpu"  # "cpu" or "cuda"


def _text(name: str) -> str:
    if name == "pydoc":
        from ladder.data.text import pydoc_topics

        return pydoc_topics()
    if name == "tinyshakespeare":
        from ladder.data.text import tiny_shakespeare

        return tiny_shakespeare()
    raise ValueError(f"unknown data {name!r}; choose 'pydoc' or 'tinyshakespeare'.")


def _setup(cfg: DDPConfig):
    """The model and the batch function, identical on every rank."""
    import torch

    from ladder.llm.llama import Llama, LlamaConfig
    from ladder.transformer.shakespeare import CharTokenizer

    text = _text(cfg.data)
    tok = CharTokenizer(text)
    data = torch.tensor(tok.encode(text), dtype=torch.long)
    torch.manual_seed(cfg.seed)
    model = Llama(LlamaConfig(vocab_size=tok.vocab_size, block_size=cfg.block_size,
                              n_layer=cfg.n_layer, n_head=cfg.n_head, n_kv_head=cfg.n_kv_head,
                              n_embd=cfg.n_embd, hidden=2 * cfg.n_embd))  # fmt: skip

    def global_batch(step: int, size: int):
        g = torch.Generator().manual_seed(cfg.seed * 1000 + step)
        ix = torch.randint(len(data) - cfg.block_size - 1, (size,), generator=g)
        x = torch.stack([data[i : i + cfg.block_size] for i in ix])
        y = torch.stack([data[i + 1 : i + 1 + cfg.block_size] for i in ix])
        return x, y

    return model, global_batch


def train_single(cfg: DDPConfig, world_size: int = 2) -> dict:
    """One process, global batch ``world_size · batch_size``: the run DDP must follow."""
    import torch

    model, global_batch = _setup(cfg)
    model.to(cfg.device).train()
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr)
    losses = []
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as each rank: tiny models gain nothing from more
    t0 = time.perf_counter()
    try:
        for step in range(cfg.steps):
            x, y = global_batch(step, world_size * cfg.batch_size)
            _, loss = model(x.to(cfg.device), y.to(cfg.device))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            losses.append(float(loss.detach()))
    finally:
        torch.set_num_threads(threads)
    return {"losses": losses, "state": {k: v.cpu() for k, v in model.state_dict().items()},
            "seconds": time.perf_counter() - t0}  # fmt: skip


def _worker(cfg: DDPConfig, out_dir: Path, fail_rank: int, fail_step: int) -> None:
    """One rank: runs under torchrun (RANK, WORLD_SIZE, LOCAL_RANK in the environment)."""
    import torch
    import torch.distributed as dist
    from torch.nn.parallel import DistributedDataParallel as DDP

    rank, world = int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"])
    local = int(os.environ.get("LOCAL_RANK", rank))
    torch.set_num_threads(1)  # N ranks share the machine's cores
    if cfg.device == "cuda":
        n_gpu = torch.cuda.device_count()
        device = torch.device("cuda", local % max(1, n_gpu))
        torch.cuda.set_device(device)
        backend = "nccl" if n_gpu >= world else "gloo"
    else:
        device, backend = torch.device("cpu"), "gloo"
    dist.init_process_group(backend, timeout=timedelta(seconds=60))
    try:
        model, global_batch = _setup(cfg)
        model.to(device).train()
        ddp = DDP(model, device_ids=[device.index] if backend == "nccl" else None)
        opt = torch.optim.AdamW(ddp.parameters(), lr=cfg.lr)
        losses, t0 = [], time.perf_counter()
        for step in range(cfg.steps):
            if rank == fail_rank and step == fail_step:
                raise RuntimeError(f"simulated failure of rank {rank} at step {step}")
            x, y = global_batch(step, world * cfg.batch_size)
            lo, hi = rank * cfg.batch_size, (rank + 1) * cfg.batch_size
            _, loss = ddp(x[lo:hi].to(device), y[lo:hi].to(device))
            opt.zero_grad(set_to_none=True)
            loss.backward()  # DDP all-reduces (averages) the gradients here
            opt.step()
            mean = loss.detach().clone()
            dist.all_reduce(mean)  # the global batch's loss, for the log
            losses.append(float(mean) / world)
        if rank == 0:
            torch.save({k: v.cpu() for k, v in model.state_dict().items()}, out_dir / "final.pt")
            result = {"losses": losses, "world_size": world, "backend": backend,
                      "device": str(device), "seconds": time.perf_counter() - t0}  # fmt: skip
            (out_dir / "result.json").write_text(json.dumps(result))
    except Exception as exc:
        (out_dir / f"error_rank{rank}.txt").write_text(f"{type(exc).__name__}: {exc}")
        raise
    finally:
        dist.destroy_process_group()


def find_torchrun() -> str | None:
    """``torchrun`` next to this Python (a virtual environment's bin) or on PATH."""
    here = Path(sys.executable).with_name("torchrun")
    return str(here) if here.is_file() else shutil.which("torchrun")


def launch(
    cfg: DDPConfig,
    out_dir: str | Path,
    nproc: int = 2,
    timeout: float = 300.0,
    torchrun: str | None = None,
    fail_rank: int = -1,
    fail_step: int = -1,
) -> dict:
    """Run ``torchrun --standalone --nproc-per-node nproc -m ladder.llm.distributed``.

    Returns rank 0's result: ``losses`` (global-batch loss per step), ``state`` (final
    weights), ``world_size``, ``backend``, ``seconds``. ``fail_rank``/``fail_step`` make
    one rank raise (to test that failures stop the run).
    """
    if not isinstance(nproc, int) or nproc < 1:
        raise ValueError(f"nproc must be a positive integer, got {nproc!r}.")
    exe = torchrun or find_torchrun()
    if exe is None or not Path(exe).is_file():
        raise DistributedRunError(
            f"torchrun was not found ({exe or 'not on PATH'}); it ships with PyTorch: "
            "install torch in this environment or pass torchrun=PATH."
        )
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for stale in [*out.glob("error_rank*.txt"), out / "result.json"]:
        stale.unlink(missing_ok=True)
    cmd = [
        exe,
        "--standalone",
        f"--nproc-per-node={nproc}",
        "--max-restarts=0",
        "-m",
        "ladder.llm.distributed",
        "--config",
        json.dumps(asdict(cfg)),
        "--out",
        str(out),
        "--fail-rank",
        str(fail_rank),
        "--fail-step",
        str(fail_step),
    ]
    env = dict(os.environ, OMP_NUM_THREADS="1")
    src = str(Path(__file__).resolve().parents[2])  # the ladder being run, also in the ranks
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise DistributedRunError(
            f"the {nproc}-process run did not finish within {timeout:.0f} s and was stopped."
        ) from None
    errors = sorted(out.glob("error_rank*.txt"), key=lambda p: p.stat().st_mtime_ns)
    if errors:  # the first rank to fail is the cause; the others lost their peer
        first = errors[0]
        rank = first.stem.removeprefix("error_rank")
        raise DistributedRunError(
            f"rank {rank} of {nproc} failed ({first.read_text().strip()}); torchrun "
            "stopped the other ranks."
        )
    if proc.returncode != 0 or not (out / "result.json").is_file():
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise DistributedRunError(f"torchrun exited with code {proc.returncode}: {last}")
    import torch

    result = json.loads((out / "result.json").read_text())
    result["state"] = torch.load(out / "final.pt", weights_only=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="One DDP rank (run me through torchrun).")
    parser.add_argument("--config", required=True, help="DDPConfig as JSON")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--fail-rank", type=int, default=-1)
    parser.add_argument("--fail-step", type=int, default=-1)
    args = parser.parse_args(argv)
    if "RANK" not in os.environ:
        parser.error("RANK is not set: start this module with torchrun (see launch()).")
    _worker(DDPConfig(**json.loads(args.config)), args.out, args.fail_rank, args.fail_step)
    return 0


if __name__ == "__main__":
    sys.exit(main())
