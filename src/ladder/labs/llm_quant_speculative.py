"""Lab: quantisation and speculative decoding, speed and quality side by side.

A target Llama-style model (4 layers, 128 wide) and a small draft (1 layer, 64 wide) are
trained on Tiny Shakespeare (800 steps each; quick mode: 40). Then:

1. The target quantised four ways (our int8 weight-only, dynamic and calibrated static
   layers, and ``torch.ao.quantization.quantize_dynamic``): file size, time per forward
   pass, validation loss and the largest change of a logit.
2. Greedy generation of 200 characters, the target's own (KV cache) against speculative
   decoding with γ = 2, 4, 6: time, acceptance rate, tokens per target pass, and whether
   the text is identical (it must be); then sampling at temperature 0.8.
"""

from __future__ import annotations

import time
import warnings

from ladder.labs.context import LabContext, timed, torch_threads


def run(ctx: LabContext) -> None:
    with torch_threads(1):  # a fair, quiet comparison: one thread for every contender
        _run(ctx)


def _train(model, get_batch, steps: int, ctx: LabContext, name: str) -> None:
    import torch

    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.1)
    model.train()
    for _ in ctx.progress(range(steps), description=f"training the {name}"):
        x, y = get_batch("train")
        _, loss = model(x, y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    model.eval()


def _run(ctx: LabContext) -> None:
    import torch
    from torch.ao.quantization import quantize_dynamic as torch_quantize_dynamic

    from ladder.labs.transformer_gpt_shakespeare import _load_text
    from ladder.llm.char_lm import CharData, batches
    from ladder.llm.llama import Llama, LlamaConfig
    from ladder.llm.quantize import (
        calibrate,
        model_bytes,
        quantize_dynamic,
        quantize_static,
        quantize_weight_only,
    )
    from ladder.llm.speculative import speculative_generate
    from ladder.transformer.training import estimate_loss

    data = CharData(_load_text(ctx))
    steps, n_new, reps = (40, 40, 1) if ctx.quick else (800, 200, 3)
    models = {}
    for name, (n_layer, n_embd) in {"target": (4, 128), "draft": (1, 64)}.items():
        torch.manual_seed(0)
        m = Llama(LlamaConfig(vocab_size=data.vocab_size, block_size=256, n_layer=n_layer,
                              n_head=4, n_kv_head=2, n_embd=n_embd, hidden=n_embd * 8 // 3,
                              tie_weights=True))  # fmt: skip
        _train(m, batches(data, 64, 16, seed=1), steps, ctx, name)
        models[name] = m
    target, draft = models["target"], models["draft"]

    # -- 1. quantisation -------------------------------------------------------------------
    val = batches(data, 64, 16, seed=2)
    calib = [val("train")[0] for _ in range(4)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        variants = {
            "float32": target,
            "int8 weight-only (ours)": quantize_weight_only(target),
            "int8 dynamic (ours)": quantize_dynamic(target),
            "int8 static, 4 calibration batches (ours)": quantize_static(
                target, calibrate(target, calib)),
            "int8 dynamic (torch quantize_dynamic)": torch_quantize_dynamic(
                target, {torch.nn.Linear}, dtype=torch.qint8),
        }  # fmt: skip
    x_eval, _ = val("val")
    with torch.no_grad():
        ref_logits = target(x_eval)[0]
    rows = []
    keys = ["float32", "weight_only", "dynamic", "static", "torch_dynamic"]
    for key, (name, m) in zip(keys, variants.items(), strict=True):
        torch.manual_seed(3)
        losses = estimate_loss(m, batches(data, 64, 16, seed=3), 4 if ctx.quick else 20)
        with torch.no_grad():
            logits, seconds = timed(lambda m=m: m(x_eval)[0], repeats=reps * 3)
        size = model_bytes(m)
        diff = float((logits - ref_logits).abs().max())
        rows.append([name, size / 1e6, seconds * 1e3, losses["val"], diff])
        ctx.metric(f"{key}_val_loss", losses["val"])
        ctx.metric(f"{key}_bytes", size)
        ctx.metric(f"{key}_max_logit_diff", diff)
    ctx.table("The target model quantised (validation loss over the same batches)",
              ["model", "size (MB)", "ms / forward (16 × 64)", "val loss", "max |Δlogit|"],
              rows)  # fmt: skip
    ctx.metric("size_ratio_dynamic", rows[0][1] / rows[2][1])

    # -- 2. speculative decoding -------------------------------------------------------------
    prompt = torch.tensor([data.tok.encode("ROMEO:\n")])
    plain, t_plain = timed(lambda: target.generate(prompt, n_new, greedy=True), repeats=reps)
    spec_rows = [["target alone (KV cache)", t_plain * 1e3, n_new / t_plain, float("nan"),
                  1.0, True]]  # fmt: skip
    for gamma in (2, 4, 6):
        (out, stats), t = timed(
            lambda g=gamma: speculative_generate(target, draft, prompt, n_new, gamma=g,
                                                 temperature=0), repeats=reps)  # fmt: skip
        same = bool(torch.equal(out, plain))
        spec_rows.append([f"speculative, γ = {gamma}", t * 1e3, n_new / t, stats.acceptance_rate,
                          stats.tokens_per_target_call, same])  # fmt: skip
        ctx.metric(f"acceptance_gamma{gamma}", stats.acceptance_rate)
        ctx.metric(f"identical_gamma{gamma}", same)
        ctx.metric(f"speedup_gamma{gamma}", t_plain / t)
    g = torch.Generator().manual_seed(0)
    t0 = time.perf_counter()
    sampled, stats = speculative_generate(target, draft, prompt, n_new, gamma=4,
                                          temperature=0.8, generator=g)  # fmt: skip
    t = time.perf_counter() - t0
    spec_rows.append(
        [
            "speculative, γ = 4, temperature 0.8",
            t * 1e3,
            n_new / t,
            stats.acceptance_rate,
            stats.tokens_per_target_call,
            float("nan"),
        ]
    )
    ctx.metric("acceptance_sampled", stats.acceptance_rate)
    ctx.table(f"Generating {n_new} characters after 'ROMEO:' (target 4 × 128, draft 1 × 64)",
              ["decoding", "ms", "tokens / s", "acceptance", "tokens / target pass",
               "same text as greedy"], spec_rows)  # fmt: skip
    ctx.log("greedy text:\n" + data.tok.decode(plain[0].tolist()))
    ctx.log("sampled (speculative, T = 0.8):\n" + data.tok.decode(sampled[0].tolist()))
    _plot(ctx, rows, spec_rows)


def _plot(ctx: LabContext, rows, spec_rows) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    a.scatter([r[1] for r in rows], [r[3] for r in rows])
    for r in rows:
        a.annotate(r[0].replace(" (", "\n("), (r[1], r[3]), fontsize=6)
    a.set_xlabel("size (MB)")
    a.set_ylabel("validation loss")
    a.set_title("quantisation: size against quality")
    names = [r[0] for r in spec_rows]
    b.barh(names, [r[2] for r in spec_rows])
    b.set_xlabel("tokens / s")
    b.tick_params(axis="y", labelsize=7)
    b.set_title("decoding speed")
    fig.tight_layout()
    path = ctx.figure("quantisation_speculative")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
