"""Lab: a Llama-style model against our GPT on Tiny Shakespeare at equal parameters.

Both models get nanoGPT's CPU configuration (4 layers, 4 heads, 128 wide, context 64,
batch 12, 2,000 AdamW steps, peak learning rate 3e-3 with warm-up and cosine decay, the
settings of ``ladder.transformer.shakespeare``). The Llama-style model swaps LayerNorm for
RMSNorm, learned positions for RoPE, the GELU MLP for SwiGLU and uses 2 K/V heads (GQA);
its SwiGLU width is chosen so that its parameter count equals the GPT's
(``ladder.llm.char_lm.llama_like_gpt``). Both see the same batches in the same order.
The loss curves go to ``loss.png``; the table gives the final losses, parameters and
time per step. Quick mode: tiny models, 60 steps.
"""

from __future__ import annotations

import time
from dataclasses import replace

from ladder.labs.context import LabContext, torch_threads


def _text(ctx: LabContext) -> str:
    from ladder.labs.transformer_gpt_shakespeare import _load_text

    return _load_text(ctx)


def run(ctx: LabContext) -> None:
    with torch_threads(1 if ctx.quick else None):
        _run(ctx)


def _run(ctx: LabContext) -> None:
    import torch

    from ladder.llm.char_lm import CharData, batches, count_params, llama_like_gpt
    from ladder.llm.llama import Llama
    from ladder.transformer.gpt import GPT
    from ladder.transformer.shakespeare import model_config, train_config
    from ladder.transformer.training import configure_optimizer, estimate_loss, lr_at

    data = CharData(_text(ctx))
    gpt_cfg = model_config(data.vocab_size)
    if ctx.quick:
        gpt_cfg = replace(gpt_cfg, block_size=32, n_layer=2, n_head=2, n_embd=32)
        cfg = train_config(60, batch_size=8, eval_interval=20, eval_iters=4, warmup_iters=5)
        final_iters = 4
    else:
        cfg = train_config(2000)
        final_iters = 200
    llama_cfg = llama_like_gpt(gpt_cfg, n_kv_head=max(1, gpt_cfg.n_head // 2))
    builders = {"GPT (GPT-2 blocks)": lambda: GPT(gpt_cfg),
                "Llama-style (RMSNorm, RoPE, SwiGLU, GQA)": lambda: Llama(llama_cfg)}  # fmt: skip
    curves, rows = {}, []
    for name, build in builders.items():
        torch.manual_seed(1337)
        model = build()
        get_batch = batches(data, gpt_cfg.block_size, cfg.batch_size, seed=1337)
        opt = configure_optimizer(model, cfg)
        history, spent = [], 0.0
        model.train()
        for it in ctx.progress(range(cfg.max_iters + 1), description=name):
            if it % cfg.eval_interval == 0 or it == cfg.max_iters:
                history.append({"iter": it, **estimate_loss(model, get_batch, cfg.eval_iters)})
            if it == cfg.max_iters:
                break
            t0 = time.perf_counter()
            for group in opt.param_groups:
                group["lr"] = lr_at(it, cfg)
            x, y = get_batch("train")
            _, loss = model(x, y)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.grad_clip)
            opt.step()
            spent += time.perf_counter() - t0
        final = estimate_loss(model, get_batch, final_iters)
        curves[name] = history
        rows.append([name, count_params(model), final["train"], final["val"],
                     spent / cfg.max_iters * 1e3])  # fmt: skip
        ctx.log(f"{name}: val loss {final['val']:.3f} after {cfg.max_iters} steps")
    (gpt_row, llama_row) = rows
    ctx.metric("gpt_params", gpt_row[1])
    ctx.metric("llama_params", llama_row[1])
    ctx.metric("gpt_val_loss", gpt_row[3])
    ctx.metric("llama_val_loss", llama_row[3])
    ctx.metric("gpt_initial_val_loss", curves[gpt_row[0]][0]["val"])
    ctx.metric("llama_initial_val_loss", curves[llama_row[0]][0]["val"])
    ctx.metric("llama_hidden", llama_cfg.hidden)
    ctx.metric("iters", cfg.max_iters)
    ctx.table(f"Tiny Shakespeare, {cfg.max_iters} steps, equal parameters (final estimates "
              f"over {final_iters} batches)",
              ["model", "parameters", "train loss", "val loss", "ms / step"], rows)  # fmt: skip
    _plot(ctx, curves)


def _plot(ctx: LabContext, curves: dict) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    fig, ax = plt.subplots(figsize=(6, 4))
    for name, history in curves.items():
        its = [h["iter"] for h in history]
        ax.plot(its, [h["val"] for h in history], "o-", label=f"{name} (val)")
        ax.plot(its, [h["train"] for h in history], "--", alpha=0.6, label=f"{name} (train)")
    ax.set_xlabel("iteration")
    ax.set_ylabel("cross-entropy (nats / char)")
    ax.legend(fontsize=7)
    fig.tight_layout()
    path = ctx.figure("loss")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
