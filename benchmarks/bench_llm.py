"""Stage 6 figures: our Llama-style model, int8 quantisation, speculative decoding and
ONNX Runtime, each beside its reference in the same run.

Rows (``run(quick)`` returns them; ``benchmarks/run.py`` prints the table):
1. Llama training step (forward, backward, AdamW) against ``LlamaForCausalLM`` of the
   same shape and weights: 4 layers, 128 wide, 4 heads / 2 K/V heads, SwiGLU 344, context
   64, batch 12, 65 tokens.
2. Size of the model with dynamic int8 linear layers against float32, and against
   ``torch.ao.quantization.quantize_dynamic``'s (the same model, lm_head included).
3. Forward pass (batch 12 × 64) with our int8 layers against float32 and against torch's
   quantised model (fbgemm kernels).
4. Greedy generation of 200 tokens by speculative decoding (a 1-layer, 64-wide draft,
   γ = 4) against the target's own KV-cached greedy decoding; both models briefly trained
   on Tiny Shakespeare so the draft agrees with the target often; tokens checked identical.
5. Greedy generation tokens/s, our GPT exported to ONNX in ONNX Runtime against PyTorch
   (no KV cache on either side; logits checked equal).
Times are medians of repeats, both sides in one process on one torch thread (``THREADS``;
ONNX Runtime gets one intra-op thread too).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

THREADS = 1


def _median_time(fn: Callable[[], object], repeats: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _interleaved(a: Callable, b: Callable, repeats: int, rounds: int) -> tuple[float, float]:
    ta, tb = [], []
    for _ in range(rounds):  # alternate so that machine noise hits both alike
        ta.append(_median_time(a, repeats))
        tb.append(_median_time(b, repeats))
    return statistics.median(ta), statistics.median(tb)


def bench_llama_train_step(quick: bool) -> dict:
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    from ladder.llm.hf_llama import from_hf_llama

    torch.manual_seed(0)
    cfg = LlamaConfig(vocab_size=65, hidden_size=128, intermediate_size=344,
                      num_hidden_layers=4, num_attention_heads=4, num_key_value_heads=2,
                      max_position_embeddings=64, bos_token_id=0, eos_token_id=0,
                      pad_token_id=0)  # fmt: skip
    hf = LlamaForCausalLM(cfg).train()
    ours = from_hf_llama(hf).train()
    g = torch.Generator().manual_seed(0)
    x = torch.randint(0, 65, (12, 64), generator=g)
    with torch.no_grad():
        diff = float((hf(x).logits - ours(x)[0]).abs().max())
    opt_o = torch.optim.AdamW(ours.parameters(), lr=1e-4)
    opt_h = torch.optim.AdamW(hf.parameters(), lr=1e-4)

    def step_ours():
        _, loss = ours(x[:, :-1], x[:, 1:])
        opt_o.zero_grad(set_to_none=True)
        loss.backward()
        opt_o.step()

    def step_hf():
        loss = hf(x, labels=x).loss  # shifts inside: the same 12 × 63 predictions
        opt_h.zero_grad(set_to_none=True)
        loss.backward()
        opt_h.step()

    t_o, t_h = _interleaved(step_ours, step_hf, *((3, 1) if quick else (20, 3)))
    return {
        "benchmark": "Llama training step (fwd + bwd + AdamW)",
        "ours": t_o, "reference": t_h, "reference_name": "transformers LlamaForCausalLM",
        "unit": "s", "better": "lower",
        "note": f"4 layers, 128 wide, 4/2 heads, SwiGLU 344, batch 12 × 64, max |Δlogits| "
                f"{diff:.1e}",
    }  # fmt: skip


def _quant_models():
    import torch
    from torch.ao.quantization import quantize_dynamic as torch_quantize_dynamic

    from ladder.llm.llama import Llama, LlamaConfig
    from ladder.llm.quantize import quantize_dynamic

    torch.manual_seed(0)
    model = Llama(LlamaConfig(vocab_size=65, block_size=64, n_layer=4, n_head=4, n_kv_head=2,
                              n_embd=256, hidden=688)).eval()  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = torch_quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    return model, quantize_dynamic(model), ref


def bench_int8(quick: bool) -> list[dict]:
    import torch

    from ladder.llm.quantize import model_bytes

    model, ours, ref = _quant_models()
    x = torch.randint(0, 65, (12, 64), generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        full = model(x)[0]
        err = float((ours(x)[0] - full).abs().max())
        err_ref = float((ref(x)[0] - full).abs().max())
    sizes = model_bytes(ours), model_bytes(model), model_bytes(ref)
    reps = (3, 1) if quick else (20, 3)
    with torch.no_grad():
        t_q, t_f = _interleaved(lambda: ours(x), lambda: model(x), *reps)
        t_q2, t_r = _interleaved(lambda: ours(x), lambda: ref(x), *reps)
    note = "Llama 4 × 256 wide, SwiGLU 688, vocab 65"
    return [
        {"benchmark": "int8 (dynamic) model size", "ours": sizes[0], "reference": sizes[1],
         "reference_name": "float32 model", "unit": "bytes", "better": "lower", "note": note},
        {"benchmark": "int8 (dynamic) model size", "ours": sizes[0], "reference": sizes[2],
         "reference_name": "torch quantize_dynamic", "unit": "bytes", "better": "lower",
         "note": note},
        {"benchmark": "int8 (dynamic) forward, batch 12 × 64", "ours": t_q, "reference": t_f,
         "reference_name": "float32 model", "unit": "s", "better": "lower",
         "note": f"{note}; max |Δlogits| vs float32 {err:.3f}"},
        {"benchmark": "int8 (dynamic) forward, batch 12 × 64", "ours": t_q2, "reference": t_r,
         "reference_name": "torch quantize_dynamic", "unit": "s", "better": "lower",
         "note": f"{note}; torch's max |Δlogits| vs float32 {err_ref:.3f}"},
    ]  # fmt: skip


def _trained_pair(quick: bool):
    """A target (4 × 128) and a draft (1 × 64) Llama briefly trained on Tiny Shakespeare."""
    import torch

    from ladder.data.text import tiny_shakespeare
    from ladder.llm.char_lm import CharData, batches
    from ladder.llm.llama import Llama, LlamaConfig

    data = CharData(tiny_shakespeare())
    steps = 60 if quick else 600
    models = []
    for seed, (n_layer, n_embd) in enumerate([(4, 128), (1, 64)]):
        torch.manual_seed(seed)
        m = Llama(LlamaConfig(vocab_size=data.vocab_size, block_size=256, n_layer=n_layer,
                              n_head=4, n_kv_head=2, n_embd=n_embd, hidden=n_embd * 8 // 3,
                              tie_weights=True))  # fmt: skip
        get = batches(data, 64, 16, seed)
        opt = torch.optim.AdamW(m.parameters(), lr=3e-3)
        for _ in range(steps):
            x, y = get("train")
            _, loss = m(x, y)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
        models.append(m.eval())
    prompt = torch.tensor([data.tok.encode("ROMEO:\n")])
    return models[0], models[1], prompt


def bench_speculative(quick: bool) -> dict:
    import torch

    from ladder.llm.speculative import speculative_generate

    target, draft, prompt = _trained_pair(quick)
    n = 60 if quick else 200
    plain = target.generate(prompt, n, greedy=True)
    spec, stats = speculative_generate(target, draft, prompt, n, gamma=4, temperature=0)
    same = bool(torch.equal(plain, spec))
    t_s, t_p = _interleaved(
        lambda: speculative_generate(target, draft, prompt, n, gamma=4, temperature=0),
        lambda: target.generate(prompt, n, greedy=True), *((1, 1) if quick else (3, 3)),
    )  # fmt: skip
    return {
        "benchmark": f"greedy generation of {n} tokens, speculative (γ = 4)",
        "ours": t_s, "reference": t_p, "reference_name": "target's own KV-cached greedy",
        "unit": "s", "better": "lower",
        "note": f"target 4 × 128, draft 1 × 64, acceptance {stats.acceptance_rate:.2f}, "
                f"{stats.tokens_per_target_call:.2f} tokens per target pass, identical: {same}",
    }  # fmt: skip


def bench_onnx(quick: bool) -> dict:
    import torch

    from ladder.llm.onnx_export import OnnxGPT
    from ladder.transformer.gpt import GPT, GPTConfig

    torch.manual_seed(0)
    model = GPT(GPTConfig(vocab_size=65, block_size=64, n_layer=4, n_head=4, n_embd=128)).eval()
    with tempfile.TemporaryDirectory() as tmp:
        ort_model = OnnxGPT.from_gpt(model, Path(tmp) / "gpt.onnx", threads=THREADS)
        prompt = torch.randint(0, 65, (1, 8), generator=torch.Generator().manual_seed(0))
        with torch.no_grad():
            diff = float((ort_model.logits(prompt) - model(prompt)[0]).abs().max())
        n = 24 if quick else 56
        same = bool(
            torch.equal(
                ort_model.generate(prompt, n),
                model.generate(prompt, n, greedy=True, use_cache=False),
            )
        )
        t_o, t_p = _interleaved(
            lambda: ort_model.generate(prompt, n),
            lambda: model.generate(prompt, n, greedy=True, use_cache=False),
            *((1, 1) if quick else (3, 3)),
        )  # fmt: skip
    return {
        "benchmark": f"GPT greedy generation, {n} tokens (no KV cache)",
        "ours": n / t_o, "reference": n / t_p, "reference_name": "PyTorch (same GPT)",
        "unit": "tokens/s", "better": "higher",
        "note": f"ours = exported to ONNX, run by ONNX Runtime; 4 × 128, max |Δlogits| "
                f"{diff:.1e}, identical tokens: {same}",
    }  # fmt: skip


def run(quick: bool = False) -> list[dict]:
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(THREADS)
    try:
        rows = [bench_llama_train_step(quick), *bench_int8(quick), bench_speculative(quick),
                bench_onnx(quick)]  # fmt: skip
    finally:
        torch.set_num_threads(before)
    for row in rows:
        row["note"] += f", {THREADS} torch thread(s)"
    return rows


if __name__ == "__main__":
    import sys

    for row in run(quick="--quick" in sys.argv):
        print(row)
