"""Lab: a character-level GPT on Tiny Shakespeare (nanoGPT's CPU run), with samples at
checkpoints, timed beside Hugging Face's ``GPT2LMHeadModel``.

The configuration is nanoGPT's for a CPU (``ladder.transformer.shakespeare.model_config``
and ``train_config``): 4 layers, 4 heads, 128 wide, context 64, batch 12, 2,000 AdamW
steps, warm-up then cosine decay, no dropout — with a peak learning rate of 3e-3 where
nanoGPT has 1e-3 (validation loss 1.769 instead of 1.904 at 2,000 steps; see
``ladder.transformer.shakespeare``). The loop below is the one of
``ladder.transformer.training.train`` written out (the same steps in the same order as
``shakespeare.train``), so that the lab can report progress per step and sample at every
evaluation. It saves ``ckpt.pt`` for ``ladder generate``. Quick mode: a tiny model, a few
dozen steps.

Timing: a training step (forward, backward, clip, AdamW) of our GPT against
``GPT2LMHeadModel`` of exactly the same shape (with biases, as GPT-2 has them; our twin
gets HF's initial weights through ``hf_gpt2.from_hf_gpt2``), on the same batches.
"""

from __future__ import annotations

import os
import time
from dataclasses import asdict, replace

from ladder.labs.context import LabContext, torch_threads


def _load_text(ctx: LabContext) -> str:
    try:
        from ladder.data import locate

        text = (locate("tinyshakespeare") / "input.txt").read_text(encoding="utf-8")
        ctx.log(f"Tiny Shakespeare: {len(text):,} characters")
        return text
    except Exception as exc:  # noqa: BLE001 - any reason the dataset is missing
        from ladder.data.text import pydoc_topics

        text = pydoc_topics()
        ctx.log(
            f"Tiny Shakespeare is not available ({exc}); training on the embedded default "
            f"instead: Python's pydoc help topics, {len(text):,} characters. "
            "Losses are not comparable with nanoGPT's."
        )
        return text


def _step_time(model, batches, steps: int) -> float:
    """Median seconds of one AdamW training step (forward, backward, clip, update)."""
    import torch

    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.99), weight_decay=0.1)
    model.train()
    times = []
    for i in range(steps + 2):  # two warm-up steps are not timed
        x, y = batches[i % len(batches)]
        t0 = time.perf_counter()
        out = model(x, labels=y) if hasattr(model, "transformer") else model(x, y)
        loss = out.loss if hasattr(out, "loss") else out[1]
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if i >= 2:
            times.append(time.perf_counter() - t0)
    return sorted(times)[len(times) // 2]


def run(ctx: LabContext) -> None:
    # Tiny tensors in quick runs: threads cost more than they save.
    with torch_threads(1 if ctx.quick else None):
        _run(ctx)


def _run(ctx: LabContext) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch

    from ladder.transformer.gpt import GPT
    from ladder.transformer.shakespeare import (
        CharTokenizer,
        model_config,
        plot_losses,
        train_config,
    )
    from ladder.transformer.training import (
        configure_optimizer,
        estimate_loss,
        lr_at,
        save_checkpoint,
    )

    seed = 1337
    text = _load_text(ctx)
    tok = CharTokenizer(text)
    data = torch.tensor(tok.encode(text), dtype=torch.long)
    n = int(0.9 * len(data))
    splits = {"train": data[:n], "val": data[n:]}
    mcfg = model_config(tok.vocab_size)
    if ctx.quick:
        mcfg = replace(mcfg, block_size=32, n_layer=2, n_head=2, n_embd=32)
        cfg = train_config(40, batch_size=8, eval_interval=20, eval_iters=4, warmup_iters=5)
        final_iters, sample_chars, timing_steps = 4, 60, 3
    else:
        cfg = train_config(2000)
        final_iters, sample_chars, timing_steps = 200, 300, 20
    ctx.log(f"vocabulary: {tok.vocab_size} characters; model: {mcfg}")

    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)

    def get_batch(split: str):
        d = splits[split]
        ix = torch.randint(len(d) - mcfg.block_size, (cfg.batch_size,), generator=gen)
        x = torch.stack([d[i : i + mcfg.block_size] for i in ix])
        y = torch.stack([d[i + 1 : i + 1 + mcfg.block_size] for i in ix])
        return x, y

    model = GPT(mcfg)
    optimizer = configure_optimizer(model, cfg)
    n_params = model.num_params()
    ctx.metric("n_params", n_params)
    ctx.log(f"{n_params:,} parameters (without the position table)")

    def sample(chars: int) -> str:
        model.eval()
        prompt = torch.tensor([tok.encode("\n")])
        g = torch.Generator().manual_seed(seed)
        out = model.generate(prompt, chars, temperature=0.8, top_k=200, generator=g)
        model.train()
        return tok.decode(out[0].tolist())

    history, step_losses, samples = [], [], []
    spent = 0.0
    model.train()
    for it in ctx.progress(range(cfg.max_iters + 1), description="training"):
        if it % cfg.eval_interval == 0 or it == cfg.max_iters:
            losses = estimate_loss(model, get_batch, cfg.eval_iters)
            history.append({"iter": it, **losses})
            text_now = sample(sample_chars // 2 if it < cfg.max_iters else sample_chars)
            samples.append([it, losses["train"], losses["val"], text_now.strip()[:120]])
            ctx.log(f"step {it}: train {losses['train']:.3f}, val {losses['val']:.3f}\n{text_now}")
        if it == cfg.max_iters:
            break
        t0 = time.perf_counter()
        for group in optimizer.param_groups:
            group["lr"] = lr_at(it, cfg)
        x, y = get_batch("train")
        _, loss = model(x, y)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.grad_clip)
        optimizer.step()
        spent += time.perf_counter() - t0
        step_losses.append(loss.item())

    final = estimate_loss(model, get_batch, final_iters)
    ctx.metric("iters", cfg.max_iters)
    ctx.metric("val_loss", final["val"])
    ctx.metric("train_loss", final["train"])
    ctx.metric("initial_val_loss", history[0]["val"])
    ctx.metric("seconds_per_iter", spent / cfg.max_iters)
    ctx.table("Samples at each evaluation (prompt: a newline; temperature 0.8, top-k 200)",
              ["iteration", "train loss", "val loss", "sample"], samples)  # fmt: skip
    ckpt = save_checkpoint(ctx.out_dir / "ckpt.pt", model, optimizer, iter_num=cfg.max_iters,
                           extra={"chars": tok.chars, "train_config": asdict(cfg)})  # fmt: skip
    ctx.log(f"checkpoint: {ckpt} (sample from it with `ladder generate`)")
    path = plot_losses(history, step_losses, ctx.figure("loss"))
    if path is not None:
        ctx.saved(path)

    # -- time per step beside Hugging Face GPT2LMHeadModel of the same shape ------------
    from transformers import GPT2Config, GPT2LMHeadModel

    from ladder.labs.context import quiet_hugging_face
    from ladder.transformer.hf_gpt2 import from_hf_gpt2

    quiet_hugging_face()

    hf_cfg = GPT2Config(vocab_size=mcfg.vocab_size, n_positions=mcfg.block_size,
                        n_embd=mcfg.n_embd, n_layer=mcfg.n_layer, n_head=mcfg.n_head,
                        resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0,
                        bos_token_id=None, eos_token_id=None)  # fmt: skip
    torch.manual_seed(seed)
    hf = GPT2LMHeadModel(hf_cfg)
    ours = from_hf_gpt2(hf)
    batches = [get_batch("train") for _ in range(4)]
    with torch.no_grad():
        x, y = batches[0]
        logit_diff = float((hf.eval()(x).logits - ours.eval()(x)[0]).abs().max())
    t_hf = _step_time(hf, batches, timing_steps)
    t_ours = _step_time(ours, batches, timing_steps)
    ctx.metric("max_logit_diff_vs_hf", logit_diff)
    ctx.metric("ours_step_ms", t_ours * 1e3)
    ctx.metric("hf_step_ms", t_hf * 1e3)
    ctx.metric("step_time_ratio", t_ours / t_hf)
    ctx.table(
        f"Training step, batch {cfg.batch_size} × {mcfg.block_size} (median of {timing_steps})",
        ["model", "ms / step", "time / HF", "max |Δ logits| at init"],
        [["HF GPT2LMHeadModel", t_hf * 1e3, 1.0, 0.0],
         ["ladder GPT (same shape, with biases)", t_ours * 1e3, t_ours / t_hf, logit_diff],
         ["ladder GPT (trained above, no biases)", spent / cfg.max_iters * 1e3,
          spent / cfg.max_iters / t_hf, float("nan")]],
    )  # fmt: skip
