"""Stage 6 figure: a LoRA training step, ours beside PEFT's, on the same base.

One row: a step (forward, backward, AdamW on the adapters) of a 2-class classifier on a BERT
encoder with rank-8 LoRA on q, k, v and out — ours (``ladder.llm.lora.apply_lora`` on our
``BertEncoder``) against PEFT (``get_peft_model`` with ``LoraConfig`` on the same weights).
Quick mode: a small random BERT; full: the real all-MiniLM-L6-v2 (22.7 M weights, 0.65 %
trainable), a batch of 32 SST-2 dev sentences. Both sides start from identical adapters; the
first step's losses are checked equal before timing. Medians of repeats on one torch thread,
both sides in the same process.
"""

from __future__ import annotations

import copy
import os
import statistics
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")

THREADS = 1
TARGETS = ["q_proj", "k_proj", "v_proj", "out_proj"]


def _median(fn, repeats: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_lora_step(quick: bool) -> dict:
    import peft
    import torch

    from ladder.llm.finetune import SentenceClassifier, pad_batch
    from ladder.llm.lora import apply_lora, lora_layers
    from ladder.transformer.bert import BertConfig, BertEncoder

    torch.set_num_threads(THREADS)
    torch.manual_seed(0)
    if quick:
        enc = BertEncoder(
            BertConfig(
                vocab_size=500,
                n_positions=64,
                n_layer=2,
                n_head=4,
                n_embd=64,
                d_ff=128,
                dropout=0.0,
            )
        )
        ids = torch.randint(1, 500, (16, 24))
        batch = {
            "input_ids": ids,
            "token_type_ids": torch.zeros_like(ids),
            "attention_mask": torch.ones_like(ids),
        }
        labels = torch.randint(0, 2, (16,))
        repeats = 5
    else:
        from ladder.data.sst2 import load_sst2
        from ladder.transformer.minilm import load_minilm

        enc, tok = load_minilm()
        sentences, y = load_sst2("dev")
        batch = pad_batch(tok, sentences[:32])
        labels = torch.tensor(y[:32])
        repeats = 7
    base = SentenceClassifier(enc, n_classes=2, dropout=0.0)
    ours = apply_lora(copy.deepcopy(base), TARGETS, r=8, alpha=16, modules_to_save=["head"])
    theirs = peft.get_peft_model(
        copy.deepcopy(base),
        peft.LoraConfig(r=8, lora_alpha=16, target_modules=TARGETS, modules_to_save=["head"]),
    )
    with torch.no_grad():  # identical adapters (PEFT draws its own A)
        for name, layer in lora_layers(ours).items():
            p = theirs.base_model.model.get_submodule(name)
            p.lora_A["default"].weight.copy_(layer.lora_A)
            p.lora_B["default"].weight.copy_(layer.lora_B)

    def make_step(model):
        params = [p for p in model.parameters() if p.requires_grad]
        opt = torch.optim.AdamW(params, lr=1e-3)

        def step():
            _, loss = model(
                batch["input_ids"], batch["attention_mask"], batch["token_type_ids"], labels
            )
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            return loss

        return step

    step_o, step_t = make_step(ours), make_step(theirs)
    lo, lt = step_o(), step_t()
    if abs(lo.item() - lt.item()) > 1e-5:
        raise AssertionError(f"first-step losses differ: ours {lo.item()}, PEFT {lt.item()}")
    t_o, t_t = [], []
    for _ in range(repeats):  # interleaved, so both sides see the same machine load
        t_o.append(_median(step_o, 1, warmup=0))
        t_t.append(_median(step_t, 1, warmup=0))
    trainable = sum(p.numel() for p in ours.parameters() if p.requires_grad)
    total = sum(p.numel() for p in ours.parameters())
    return {
        "benchmark": "LoRA training step (r=8 on q,k,v,out + head), "
        + ("small BERT, batch 16" if quick else "all-MiniLM-L6-v2, 32 SST-2 sentences"),
        "ours": statistics.median(t_o),
        "reference": statistics.median(t_t),
        "reference_name": "PEFT LoraConfig",
        "unit": "s",
        "better": "lower",
        "note": f"{trainable:,} of {total:,} weights trainable; same first-step loss",
    }


def run(quick: bool) -> list[dict]:
    return [bench_lora_step(quick)]
