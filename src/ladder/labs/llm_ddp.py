"""Lab: data-parallel training with DDP, launched by ``torchrun`` (2 CPU processes, gloo).

A Llama-style character model on Tiny Shakespeare: two ranks with 8 sequences each per
step against one process with 16 (``ladder.llm.distributed``). DDP averages the ranks'
gradients, so the two runs must follow the same loss curve up to float32 rounding. The
table lists the losses side by side and the lab plots both curves; with a GPU, pass
device "cuda" (``DDPConfig``). Quick mode: 6 steps.
"""

from __future__ import annotations

import time

from ladder.labs.context import LabContext


def run(ctx: LabContext) -> None:
    from ladder.llm.distributed import DDPConfig, launch, train_single

    try:
        from ladder.data.text import tiny_shakespeare

        tiny_shakespeare()
        data = "tinyshakespeare"
    except Exception:  # noqa: BLE001 - any reason the dataset is missing
        data = "pydoc"
        ctx.log("Tiny Shakespeare is not available: training on Python's pydoc topics.")
    cfg = DDPConfig(steps=6 if ctx.quick else 200, batch_size=8, data=data)
    ctx.log(f"torchrun --nproc-per-node 2 … ({cfg})")
    t0 = time.perf_counter()
    ddp = launch(cfg, ctx.out_dir / "ddp", nproc=2, timeout=600)
    wall = time.perf_counter() - t0
    single = train_single(cfg, world_size=2)
    diffs = [abs(a - b) for a, b in zip(ddp["losses"], single["losses"], strict=True)]
    weight_diff = max(float((ddp["state"][k] - v).abs().max()) for k, v in single["state"].items())
    ctx.metric("steps", cfg.steps)
    ctx.metric("max_loss_diff", max(diffs))
    ctx.metric("max_weight_diff", weight_diff)
    ctx.metric("first_loss", single["losses"][0])
    ctx.metric("last_loss", single["losses"][-1])
    ctx.metric("ddp_seconds", ddp["seconds"])
    ctx.metric("single_seconds", single["seconds"])
    ctx.metric("launch_seconds", wall)
    shown = sorted({0, 1, 2, *range(0, cfg.steps, max(1, cfg.steps // 10)), cfg.steps - 1})
    ctx.table("Loss of the global batch (16 sequences × 32 characters) per step",
              ["step", "2 ranks × 8 (DDP, torchrun)", "1 process × 16", "|difference|"],
              [[s, ddp["losses"][s], single["losses"][s], diffs[s]] for s in shown])  # fmt: skip
    ctx.table("Time", ["run", "seconds"],
              [["2 ranks, training steps only", ddp["seconds"]],
               ["2 ranks, with torchrun start-up", wall],
               ["1 process, training steps", single["seconds"]]])  # fmt: skip
    _plot(ctx, ddp["losses"], single["losses"])


def _plot(ctx: LabContext, a: list[float], b: list[float]) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(a, "o-", label="2 ranks × 8 (DDP)")
    ax.plot(b, "x--", label="1 process × 16")
    ax.set_xlabel("step")
    ax.set_ylabel("cross-entropy (nats / char)")
    ax.legend()
    fig.tight_layout()
    path = ctx.figure("ddp_losses")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
