"""Transfer learning: a pretrained sentence encoder reused for a new task (Howard & Ruder,
2018, arXiv:1801.06146; Devlin et al., 2019).

Three ways to adapt the encoder ``f_θ`` (here all-MiniLM-L6-v2) to sentence classification,
from cheapest to dearest:

* **feature extraction** — θ frozen; compute ``z = mean_pool(f_θ(x))`` once per sentence
  and fit a linear classifier (logistic regression) on the fixed vectors;
* **full fine-tuning** — a linear head ``W z + b`` on top and *every* weight trained with a
  small learning rate (AdamW, warm-up then linear decay, as BERT);
* **LoRA** — θ frozen, low-rank adapters in the attention projections and the new head
  trained (``ladder.llm.lora``).

All three share :class:`SentenceClassifier` and :func:`train_classifier`; the loop records
dev accuracy against *training* seconds (evaluation time excluded), so runs of different
cost compare on one time axis.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from ladder.transformer.bert import BertEncoder, mean_pool

__all__ = [
    "SentenceClassifier",
    "freeze",
    "pad_batch",
    "sentence_features",
    "FinetuneConfig",
    "train_classifier",
    "accuracy",
    "warmup_decay",
    "layerwise_lrs",
    "length_buckets",
]


class SentenceClassifier(nn.Module):
    """Encoder → mean of the real tokens' vectors → dropout → linear head.

    ``forward(input_ids, attention_mask, token_type_ids=None, labels=None) -> (logits, loss)``
    with logits (B, n_classes) and, given labels (B,), the mean cross-entropy.
    """

    def __init__(self, encoder: BertEncoder, n_classes: int = 2, dropout: float = 0.1):
        super().__init__()
        if n_classes < 2:
            raise ValueError(f"n_classes must be at least 2, got {n_classes}.")
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(encoder.config.n_embd, n_classes)
        nn.init.normal_(self.head.weight, std=0.02)
        nn.init.zeros_(self.head.bias)

    def forward(
        self,
        input_ids: Tensor,
        attention_mask: Tensor,
        token_type_ids: Tensor | None = None,
        labels: Tensor | None = None,
    ) -> tuple[Tensor, Tensor | None]:
        h = self.encoder(input_ids, token_type_ids, attention_mask)  # (B, T, C)
        logits = self.head(self.dropout(mean_pool(h, attention_mask)))  # (B, K)
        loss = F.cross_entropy(logits, labels) if labels is not None else None
        return logits, loss


def freeze(module: nn.Module) -> nn.Module:
    """Stop gradients to every parameter of ``module`` (in place); returns it."""
    for p in module.parameters():
        p.requires_grad_(False)
    return module


def pad_batch(tokenizer: Any, sentences: Sequence[str], max_len: int = 64) -> dict[str, Tensor]:
    """Tokenise with a ``tokenizers.Tokenizer`` and right-pad to the longest (≤ max_len):
    ``input_ids``, ``token_type_ids``, ``attention_mask`` (B, T)."""
    encs = tokenizer.encode_batch(list(sentences))
    ids = [e.ids[:max_len] for e in encs]
    if ids and any(len(e.ids) > max_len for e in encs):  # keep [SEP] at the end when cut
        sep = encs[0].ids[-1]
        ids = [
            i if len(e.ids) <= max_len else i[:-1] + [sep] for i, e in zip(ids, encs, strict=True)
        ]
    T = max(len(i) for i in ids)
    out = {
        k: torch.zeros(len(ids), T, dtype=torch.long)
        for k in ("input_ids", "token_type_ids", "attention_mask")
    }
    for row, i in enumerate(ids):
        out["input_ids"][row, : len(i)] = torch.tensor(i)
        out["attention_mask"][row, : len(i)] = 1
    return out


@torch.no_grad()
def sentence_features(
    encoder: BertEncoder, tokenizer: Any, sentences: Sequence[str], batch_size: int = 64
) -> Tensor:
    """Frozen features: the mean-pooled last hidden state of each sentence, (N, C).

    Batches are formed in order of length so little is padding; rows come back in input
    order.
    """
    encoder.eval()
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    out = torch.empty(len(sentences), encoder.config.n_embd)
    for start in range(0, len(order), batch_size):
        rows = order[start : start + batch_size]
        b = pad_batch(tokenizer, [sentences[i] for i in rows])
        h = encoder(b["input_ids"], b["token_type_ids"], b["attention_mask"])
        out[rows] = mean_pool(h, b["attention_mask"])
    return out


def length_buckets(
    lengths: Sequence[int], batch_size: int, generator: torch.Generator, pool: int = 50
) -> list[list[int]]:
    """One epoch of batches of similar length: shuffle, sort each pool of ``pool`` batches
    by length, cut into batches, shuffle the batches. Less padding, still random order."""
    perm = torch.randperm(len(lengths), generator=generator).tolist()
    batches: list[list[int]] = []
    chunk = pool * batch_size
    for start in range(0, len(perm), chunk):
        part = sorted(perm[start : start + chunk], key=lambda i: lengths[i])
        batches += [part[k : k + batch_size] for k in range(0, len(part), batch_size)]
    order = torch.randperm(len(batches), generator=generator).tolist()
    return [batches[i] for i in order]


def layerwise_lrs(n_layers: int, top_lr: float, decay: float = 2.6) -> list[float]:
    """Discriminative fine-tuning (ULMFiT): layer l of n (0 = the embeddings, n−1 = the top)
    learns at ``top_lr / decay^(n−1−l)`` — lower layers hold general features and move
    least. Howard & Ruder's factor is 2.6.

    >>> [round(x, 5) for x in layerwise_lrs(3, 1e-3, 2.0)]
    [0.00025, 0.0005, 0.001]
    """
    if n_layers < 1:
        raise ValueError(f"n_layers must be at least 1, got {n_layers}.")
    if top_lr <= 0 or decay < 1:
        raise ValueError(f"need top_lr > 0 and decay ≥ 1, got top_lr={top_lr}, decay={decay}.")
    return [top_lr / decay ** (n_layers - 1 - layer) for layer in range(n_layers)]


def warmup_decay(progress: float, warmup_frac: float) -> float:
    """Learning-rate multiplier at training progress ``progress`` ∈ [0, 1]: a linear rise
    over the first ``warmup_frac``, then a linear fall to 0 at the end, and 0 beyond (BERT's
    schedule, ``transformers.get_linear_schedule_with_warmup`` in units of the whole run).

    >>> [round(warmup_decay(p, 0.1), 3) for p in (0.05, 0.1, 0.55, 1.0)]
    [0.5, 1.0, 0.5, 0.0]
    """
    if progress < warmup_frac:
        return progress / warmup_frac
    return max(0.0, (1.0 - progress) / (1.0 - warmup_frac))


@dataclass(frozen=True)
class FinetuneConfig:
    lr: float = 2e-5  # peak AdamW learning rate (full fine-tuning ~2e-5, LoRA ~1e-3)
    head_lr: float | None = None  # learning rate of the new head (None: the same as lr)
    batch_size: int = 32  # sentences per step
    max_steps: int = 1000  # optimiser steps (the schedule decays to 0 here)
    warmup_frac: float = 0.06  # share of max_steps spent warming up
    weight_decay: float = 0.01  # AdamW decoupled weight decay (not on biases and norms)
    max_len: int = 64  # tokens per sentence, [CLS] and [SEP] included
    eval_every: int = 100  # steps between dev evaluations
    eval_every_s: float | None = None  # or: training seconds (as time_budget_s) between them
    # stop after this many seconds of training compute: process CPU seconds / torch threads,
    # i.e. wall seconds on dedicated cores (robust to other processes sharing the machine)
    time_budget_s: float | None = None
    seed: int = 0  # shuffling and dropout


def accuracy(
    model: SentenceClassifier,
    tokenizer: Any,
    texts: Sequence[str],
    labels: Sequence[int],
    batch_size: int = 64,
) -> float:
    """Share of ``texts`` whose arg-max class equals the label (model in eval mode)."""
    was_training = model.training
    model.eval()
    correct = 0
    with torch.no_grad():
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            b = pad_batch(tokenizer, [texts[i] for i in rows])
            logits, _ = model(b["input_ids"], b["attention_mask"], b["token_type_ids"])
            correct += int((logits.argmax(1) == torch.tensor([labels[i] for i in rows])).sum())
    model.train(was_training)
    return correct / max(1, len(texts))


def _param_groups(model: nn.Module, config: FinetuneConfig) -> list[dict[str, Any]]:
    groups: dict[tuple[float, float], list[nn.Parameter]] = {}
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        lr = (
            config.head_lr
            if (config.head_lr is not None and name.startswith("head."))
            else config.lr
        )
        decay = 0.0 if (p.dim() < 2 or "norm" in name) else config.weight_decay
        groups.setdefault((lr, decay), []).append(p)
    return [{"params": ps, "lr": lr, "weight_decay": wd} for (lr, wd), ps in groups.items()]


def train_classifier(
    model: SentenceClassifier,
    tokenizer: Any,
    train: tuple[Sequence[str], Sequence[int]],
    dev: tuple[Sequence[str], Sequence[int]],
    config: FinetuneConfig,
    on_eval: Callable[[dict[str, float]], None] | None = None,
) -> list[dict[str, float]]:
    """Train the parameters of ``model`` that require grad; return the evaluation history.

    Each history row: ``step``, ``seconds`` (wall-clock training time so far, evaluation
    excluded), ``cpu_seconds`` (process CPU time of the same steps), ``train_loss`` (mean
    since the last row) and ``dev_accuracy``. Row 0 is before training. Stops at
    ``max_steps`` or once ``cpu_seconds / torch.get_num_threads()`` reaches ``time_budget_s``.
    """
    texts, labels = list(train[0]), list(train[1])
    if len(texts) != len(labels) or not texts:
        raise ValueError(
            f"train needs as many labels as sentences (got {len(texts)} and {len(labels)})."
        )
    if not any(p.requires_grad for p in model.parameters()):
        raise ValueError("no parameter of the model requires grad; nothing would be trained.")
    g = torch.Generator().manual_seed(config.seed)
    torch.manual_seed(config.seed)
    opt = torch.optim.AdamW(_param_groups(model, config), betas=(0.9, 0.999), eps=1e-8)
    base_lrs = [grp["lr"] for grp in opt.param_groups]
    history: list[dict[str, float]] = []

    def evaluate(step: int, seconds: float, cpu: float, losses: list[float]) -> None:
        row = {
            "step": float(step),
            "seconds": seconds,
            "cpu_seconds": cpu,
            "train_loss": sum(losses) / len(losses) if losses else math.nan,
            "dev_accuracy": accuracy(model, tokenizer, dev[0], dev[1]),
        }
        history.append(row)
        if on_eval is not None:
            on_eval(row)

    evaluate(0, 0.0, 0.0, [])
    model.train()
    seconds, cpu, losses, step = 0.0, 0.0, [], 0
    batches: list[list[int]] = []
    while step < config.max_steps:
        if not batches:
            batches = length_buckets([len(t) for t in texts], config.batch_size, g)
        rows = batches.pop()
        t0, c0 = time.perf_counter(), time.process_time()
        b = pad_batch(tokenizer, [texts[i] for i in rows], config.max_len)
        y = torch.tensor([labels[i] for i in rows])
        # progress: the share of the steps or of the time budget used, whichever is larger
        progress = (step + 1) / config.max_steps
        if config.time_budget_s is not None:
            progress = max(progress, cpu / torch.get_num_threads() / config.time_budget_s)
        mult = warmup_decay(min(progress, 1.0), config.warmup_frac)
        for grp, lr in zip(opt.param_groups, base_lrs, strict=True):
            grp["lr"] = lr * mult
        _, loss = model(b["input_ids"], b["attention_mask"], b["token_type_ids"], y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], 1.0)
        opt.step()
        seconds += time.perf_counter() - t0
        cpu += time.process_time() - c0
        losses.append(loss.item())
        step += 1
        spent = cpu / max(1, torch.get_num_threads())  # seconds of the cores we were given
        out_of_time = config.time_budget_s is not None and spent >= config.time_budget_s
        due = step % config.eval_every == 0
        if config.eval_every_s is not None:
            due = spent >= config.eval_every_s * (len(history))
        if due or step == config.max_steps or out_of_time:
            evaluate(step, seconds, cpu, losses)
            losses = []
            model.train()
        if out_of_time:
            break
    model.eval()
    return history
