"""Stage 5 figures: our GPT and BERT beside Hugging Face, and the KV cache beside no cache.

Rows (``run(quick)`` returns them; ``benchmarks/run.py`` prints the table):
1. GPT training step (forward, backward, AdamW) against ``GPT2LMHeadModel`` of the same
   shape and the same weights: nanoGPT's CPU Shakespeare shape (4 layers, 4 heads, 128
   wide, context 64, batch 12, 65 tokens).
2. Sentence embeddings with all-MiniLM-L6-v2: our BERT against sentence-transformers, in
   sentences per second on SST-2 dev sentences (embeddings checked equal to 1e-5).
3. Greedy generation of 256 tokens with our KV cache against without it (tokens checked
   identical).
Times are medians of repeats (``time.perf_counter``), both sides in the same process, on
one torch thread (``THREADS``): on a small shared CPU, two threads per process oversubscribe
the cores and the timings of small models turn into noise; both sides get the same setting.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

THREADS = 1  # torch intra-op threads for every row, ours and reference alike


def _median_time(fn: Callable[[], object], repeats: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_gpt_train_step(quick: bool) -> dict:
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel

    from ladder.transformer.hf_gpt2 import from_hf_gpt2

    torch.manual_seed(0)
    cfg = GPT2Config(vocab_size=65, n_positions=64, n_embd=128, n_layer=4, n_head=4,
                     resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0)  # fmt: skip
    hf = GPT2LMHeadModel(cfg).train()
    ours = from_hf_gpt2(hf).train()
    g = torch.Generator().manual_seed(0)
    x = torch.randint(0, 65, (12, 64), generator=g)
    y = torch.randint(0, 65, (12, 64), generator=g)

    opt_ours = torch.optim.AdamW(ours.parameters(), lr=1e-4)
    opt_hf = torch.optim.AdamW(hf.parameters(), lr=1e-4)

    def step_ours(opt=opt_ours):
        _, loss = ours(x, y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()

    def step_hf(opt=opt_hf):
        # HF shifts labels inside; pass y as labels to get the same amount of work
        loss = hf(x, labels=y).loss
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()

    repeats, rounds = (3, 1) if quick else (20, 3)
    # interleave the two so that machine noise hits both alike
    ours_t, hf_t = [], []
    for _ in range(rounds):
        ours_t.append(_median_time(step_ours, repeats))
        hf_t.append(_median_time(step_hf, repeats))
    return {
        "benchmark": "GPT training step (fwd + bwd + AdamW)",
        "ours": statistics.median(ours_t),
        "reference": statistics.median(hf_t),
        "reference_name": "transformers GPT2LMHeadModel",
        "unit": "s",
        "better": "lower",
        "note": "4 layers, 4 heads, 128 wide, context 64, batch 12, vocab 65, float32 CPU",
    }


def bench_minilm(quick: bool) -> dict:
    import torch
    from sentence_transformers import SentenceTransformer

    from ladder.data.sst2 import load_sst2
    from ladder.transformer.minilm import SentenceEncoder, minilm_dir

    sentences, _ = load_sst2("dev")
    sentences = sentences[: 32 if quick else 872]
    ours = SentenceEncoder.minilm()
    ref = SentenceTransformer(str(minilm_dir()), device="cpu")
    a = ours.encode(sentences, batch_size=32)
    b = torch.from_numpy(ref.encode(sentences, batch_size=32))
    max_diff = float((a - b).abs().max())
    repeats = 1 if quick else 3
    t_ours = _median_time(lambda: ours.encode(sentences, batch_size=32), repeats, warmup=0)
    t_ref = _median_time(lambda: ref.encode(sentences, batch_size=32), repeats, warmup=0)
    n = len(sentences)
    return {
        "benchmark": "all-MiniLM-L6-v2 sentence embeddings",
        "ours": n / t_ours,
        "reference": n / t_ref,
        "reference_name": "sentence-transformers",
        "unit": "sentences/s",
        "better": "higher",
        "note": f"{n} SST-2 dev sentences, batch 32, max |Δembedding| = {max_diff:.1e}",
    }


def bench_kv_cache(quick: bool) -> dict:
    import torch

    from ladder.transformer.gpt import GPT, GPTConfig

    torch.manual_seed(0)
    model = GPT(GPTConfig(vocab_size=65, block_size=512, n_layer=4, n_head=4, n_embd=128))
    model.eval()
    prompt = torch.randint(0, 65, (1, 8), generator=torch.Generator().manual_seed(0))
    n_new = 32 if quick else 256
    with_cache = model.generate(prompt, n_new, greedy=True, use_cache=True)
    without = model.generate(prompt, n_new, greedy=True, use_cache=False)
    same = bool(torch.equal(with_cache, without))
    repeats = 1 if quick else 3
    t_cache = _median_time(lambda: model.generate(prompt, n_new, greedy=True), repeats, 0)
    t_plain = _median_time(
        lambda: model.generate(prompt, n_new, greedy=True, use_cache=False), repeats, 0
    )
    return {
        "benchmark": f"GPT generation of {n_new} tokens, KV cache",
        "ours": t_cache,
        "reference": t_plain,
        "reference_name": "our GPT without KV cache",
        "unit": "s",
        "better": "lower",
        "note": f"4 layers, 128 wide, greedy, batch 1, identical tokens: {same}",
    }


def run(quick: bool = False) -> list[dict]:
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(THREADS)
    try:
        rows = [bench_gpt_train_step(quick), bench_minilm(quick), bench_kv_cache(quick)]
    finally:
        torch.set_num_threads(before)
    for row in rows:
        row["note"] += f", {THREADS} torch thread(s)"
    return rows


if __name__ == "__main__":
    import sys

    for row in run(quick="--quick" in sys.argv):
        ratio = row["ours"] / row["reference"]
        print(f"{row['benchmark']:45s} ours {row['ours']:.4g} {row['unit']:12s} "
              f"ref {row['reference']:.4g} ({row['reference_name']}) ratio {ratio:.2f}  "
              f"{row['note']}")  # fmt: skip
