"""Training a GPT: AdamW, linear warm-up then cosine decay, gradient clipping, checkpoints.

The learning rate at step t (nanoGPT's schedule):

    warm-up   (t < W):       lr · (t + 1) / (W + 1)
    cosine    (W ≤ t ≤ D):   lr_min + ½ (1 + cos(π (t − W) / (D − W))) (lr − lr_min)
    after     (t > D):       lr_min

which equals ``SequentialLR(LinearLR(1/(W+1), 1, W), CosineAnnealingLR(D − W, lr_min))``.
AdamW decays only matrices (weights of Linear and Embedding), not biases or LayerNorm
gains. Gradients are clipped to a global L2 norm (``torch.nn.utils.clip_grad_norm_``).
A checkpoint stores a format version, the model configuration, the weights, the optimiser
state and the step, so a run resumes exactly and a wrong file fails with names.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import Tensor, nn

from ladder.transformer.gpt import GPT, GPTConfig
from ladder.transformer.weights import load_state_checked

__all__ = [
    "TrainConfig",
    "lr_at",
    "configure_optimizer",
    "train",
    "estimate_loss",
    "save_checkpoint",
    "load_checkpoint",
    "CHECKPOINT_FORMAT",
    "CHECKPOINT_VERSION",
]

CHECKPOINT_FORMAT = "ladder.transformer.gpt"
CHECKPOINT_VERSION = 1

Batch = tuple[Tensor, Tensor]


@dataclass(frozen=True)
class TrainConfig:
    max_iters: int = 2000  # optimiser steps
    batch_size: int = 12  # sequences per step
    learning_rate: float = 1e-3  # peak learning rate, reached after warm-up
    min_lr: float = 1e-4  # floor of the cosine decay (nanoGPT: learning_rate / 10)
    warmup_iters: int = 100  # steps of linear warm-up
    lr_decay_iters: int = 2000  # step where the cosine reaches min_lr
    weight_decay: float = 0.1  # AdamW decoupled weight decay on matrices only
    beta1: float = 0.9  # AdamW first-moment decay
    beta2: float = 0.99  # AdamW second-moment decay (0.99 for small char models)
    grad_clip: float = 1.0  # clip the global gradient norm to this (0 disables)
    eval_interval: int = 250  # estimate train/val loss every this many steps
    eval_iters: int = 20  # batches per loss estimate
    seed: int = 1337  # seeds torch for initialisation, batches and dropout
    device: str = "cpu"  # "cpu" or "cuda"


def lr_at(it: int, cfg: TrainConfig) -> float:
    """The learning rate of step ``it`` (warm-up, cosine decay, floor)."""
    if it < cfg.warmup_iters:
        return cfg.learning_rate * (it + 1) / (cfg.warmup_iters + 1)
    if it > cfg.lr_decay_iters:
        return cfg.min_lr
    ratio = (it - cfg.warmup_iters) / max(1, cfg.lr_decay_iters - cfg.warmup_iters)
    coeff = 0.5 * (1.0 + math.cos(math.pi * ratio))
    return cfg.min_lr + coeff * (cfg.learning_rate - cfg.min_lr)


def configure_optimizer(model: nn.Module, cfg: TrainConfig) -> torch.optim.AdamW:
    """AdamW with weight decay on ≥2-D parameters (matrices) and none on vectors."""
    params = [p for p in model.parameters() if p.requires_grad]
    decay = [p for p in params if p.dim() >= 2]
    no_decay = [p for p in params if p.dim() < 2]
    groups = [
        {"params": decay, "weight_decay": cfg.weight_decay},
        {"params": no_decay, "weight_decay": 0.0},
    ]
    return torch.optim.AdamW(groups, lr=cfg.learning_rate, betas=(cfg.beta1, cfg.beta2))


@torch.no_grad()
def estimate_loss(
    model: nn.Module, get_batch: Callable[[str], Batch], eval_iters: int
) -> dict[str, float]:
    """Mean loss over ``eval_iters`` batches of each split, in eval mode."""
    was_training = model.training
    model.eval()
    out = {}
    for split in ("train", "val"):
        losses = [model(*get_batch(split))[1].item() for _ in range(eval_iters)]
        out[split] = sum(losses) / len(losses)
    model.train(was_training)
    return out


@dataclass
class TrainResult:
    """What ``train`` returns: the loss curve, the final estimate and the timing."""

    history: list[dict[str, float]] = field(default_factory=list)  # one row per evaluation
    train_losses: list[float] = field(default_factory=list)  # loss of every step's batch
    final: dict[str, float] = field(default_factory=dict)  # train/val loss at the end
    seconds: float = 0.0  # wall-clock time of the optimisation steps alone
    iters: int = 0  # steps taken


def train(
    model: nn.Module,
    get_batch: Callable[[str], Batch],
    cfg: TrainConfig,
    optimizer: torch.optim.Optimizer | None = None,
    start_iter: int = 0,
    on_eval: Callable[[int, dict[str, float]], None] | None = None,
    on_step: Callable[[int, float], None] | None = None,
) -> TrainResult:
    """Run ``cfg.max_iters − start_iter`` steps of AdamW on ``model(x, y) -> (logits, loss)``.

    ``get_batch(split)`` returns (x, y) for "train" or "val". Loss is estimated at step 0,
    every ``eval_interval`` steps and at the end (``on_eval(step, losses)`` is called).
    """
    optimizer = optimizer or configure_optimizer(model, cfg)
    result = TrainResult()
    model.train()
    spent = 0.0
    for it in range(start_iter, cfg.max_iters + 1):
        if it % cfg.eval_interval == 0 or it == cfg.max_iters:
            losses = estimate_loss(model, get_batch, cfg.eval_iters)
            result.history.append({"iter": it, **losses})
            if on_eval is not None:
                on_eval(it, losses)
        if it == cfg.max_iters:
            result.final = losses
            break
        t0 = time.perf_counter()
        lr = lr_at(it, cfg)
        for group in optimizer.param_groups:
            group["lr"] = lr
        x, y = get_batch("train")
        _, loss = model(x, y)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        if cfg.grad_clip > 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.grad_clip)
        optimizer.step()
        spent += time.perf_counter() - t0
        loss_value = loss.item()
        result.train_losses.append(loss_value)
        if on_step is not None:
            on_step(it, loss_value)
    result.seconds = spent
    result.iters = cfg.max_iters - start_iter
    return result


def save_checkpoint(
    path: str | Path,
    model: GPT,
    optimizer: torch.optim.Optimizer | None = None,
    iter_num: int = 0,
    extra: dict[str, Any] | None = None,
) -> Path:
    """Write model config, weights, optimiser state and step to ``path`` (torch.save)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    ckpt = {
        "format": CHECKPOINT_FORMAT,
        "format_version": CHECKPOINT_VERSION,
        "config": asdict(model.config),
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict() if optimizer is not None else None,
        "iter_num": iter_num,
        "extra": extra or {},
    }
    torch.save(ckpt, path)
    return path


def load_checkpoint(
    path: str | Path, model: GPT | None = None, map_location: str = "cpu"
) -> tuple[GPT, dict[str, Any]]:
    """Read a checkpoint; build the model from its config (or check ``model`` against it).

    Raises ``ValueError`` for another format or version, and ``WeightMismatchError``
    (listing names) when the weights do not fit ``model``.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no checkpoint at {path}; train a model first or fix the path.")
    ckpt = torch.load(path, map_location=map_location, weights_only=True)
    if not isinstance(ckpt, dict) or ckpt.get("format") != CHECKPOINT_FORMAT:
        found = ckpt.get("format") if isinstance(ckpt, dict) else type(ckpt).__name__
        raise ValueError(
            f"{path} is not a ladder GPT checkpoint (format {found!r}, expected "
            f"{CHECKPOINT_FORMAT!r}); save it with ladder.transformer.training.save_checkpoint."
        )
    version = ckpt.get("format_version")
    if version != CHECKPOINT_VERSION:
        raise ValueError(
            f"{path} has checkpoint format version {version}, this code reads version "
            f"{CHECKPOINT_VERSION}; re-save it with the matching version of ladder."
        )
    if model is None:
        model = GPT(GPTConfig(**ckpt["config"]))
    load_state_checked(model, ckpt["model"], what=f"weights in {path.name}")
    return model, ckpt
