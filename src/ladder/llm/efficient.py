"""Training with less memory and time: mixed precision, gradient accumulation, activation
checkpointing (Micikevicius et al., 2017, arXiv:1710.03740; Chen et al., 2016,
arXiv:1604.06174).

* **bf16 autocast.** Inside ``torch.autocast(device, dtype=torch.bfloat16)`` matrix
  products run in bfloat16 (8 exponent bits like float32, 8 significant bits instead of
  24) while reductions such as softmax, norms and the loss stay float32; the weights and
  their gradients stay float32 ("master weights"). Half the bytes per activation and, on
  hardware with bf16 units, several times the speed. bf16 keeps float32's range, so
  unlike float16 it needs no loss scaling. Relative error per product ≈ 2⁻⁸ ≈ 0.4 %.
* **Gradient accumulation.** The gradient of a mean loss over k·B examples equals the
  mean of the k gradients over B each: run k micro-batches, call ``backward`` on
  loss / k each (gradients add up in ``.grad``), then one optimiser step. A batch k times
  larger than fits in memory, for k times the time.
* **Activation checkpointing.** Backward needs the activations of the forward pass; a
  block of a transformer saves a dozen tensors of size B·T·C or more. Keep only each
  block's input instead, and recompute the block's forward during backward: memory per
  block drops to one B·T·C tensor for about one extra forward pass (≈ 30 % more time).
  Gradients are identical: the same operations run on the same inputs.

``saved_activation_bytes`` measures what the forward pass holds for the backward pass
(through ``torch.autograd.graph.saved_tensors_hooks``), parameters excluded: the memory
that checkpointing saves.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import torch
from torch import Tensor, nn
from torch.utils.checkpoint import checkpoint

__all__ = [
    "autocast_loss",
    "accumulate_gradients",
    "enable_checkpointing",
    "disable_checkpointing",
    "saved_activation_bytes",
]


def autocast_loss(model: nn.Module, x: Tensor, y: Tensor, dtype: torch.dtype = torch.bfloat16):
    """``model(x, y)``'s loss with matrix products in ``dtype`` (autocast on x's device)."""
    if dtype not in (torch.bfloat16, torch.float16):
        raise ValueError(f"autocast dtype must be torch.bfloat16 or torch.float16, got {dtype}.")
    with torch.autocast(device_type=x.device.type, dtype=dtype):
        _, loss = model(x, y)
    return loss.float()


def accumulate_gradients(
    model: nn.Module,
    micro_batches: Sequence[tuple[Tensor, Tensor]],
    loss_fn: Callable[[nn.Module, Tensor, Tensor], Tensor] | None = None,
) -> float:
    """Backward over k micro-batches, each loss divided by k; returns the mean loss.

    Afterwards ``.grad`` holds the gradient of the mean loss over all k micro-batches,
    which for equal-sized micro-batches (and no ignored targets) is the gradient of one
    k-times larger batch. Zero the gradients before, step the optimiser after.
    """
    k = len(micro_batches)
    if k == 0:
        raise ValueError("accumulate_gradients needs at least one micro-batch.")
    sizes = {tuple(x.shape) for x, _ in micro_batches}
    if len(sizes) != 1:
        raise ValueError(
            f"micro-batches must have equal shapes to average to the full batch, got "
            f"{sorted(sizes)}; split the batch into equal parts."
        )
    loss_fn = loss_fn or (lambda m, x, y: m(x, y)[1])
    total = 0.0
    for x, y in micro_batches:
        loss = loss_fn(model, x, y)
        (loss / k).backward()
        total += float(loss.detach())
    return total / k


def _blocks(model: nn.Module) -> nn.ModuleList:
    for name in ("layers", "h"):  # our Llama and Mixtral; our GPT
        blocks = getattr(model, name, None)
        if isinstance(blocks, nn.ModuleList):
            return blocks
    raise TypeError(
        f"{type(model).__name__} has no transformer blocks in `.layers` or `.h`; "
        "checkpointing wraps the blocks of ladder's GPT, Llama and Mixtral."
    )


def _checkpointed(forward: Callable[..., Tensor], *args: Any, **kwargs: Any) -> Tensor:
    if torch.is_grad_enabled():
        return checkpoint(forward, *args, use_reentrant=False, **kwargs)
    return forward(*args, **kwargs)  # no backward to prepare for: run plainly


def enable_checkpointing(model: nn.Module) -> nn.Module:
    """Recompute each block's forward during backward instead of storing its activations.

    The blocks keep their names and weights (``state_dict`` is unchanged).
    """
    for block in _blocks(model):
        if "forward" not in block.__dict__:
            block.forward = functools.partial(_checkpointed, block.forward)
    return model


def disable_checkpointing(model: nn.Module) -> nn.Module:
    for block in _blocks(model):
        block.__dict__.pop("forward", None)
    return model


def saved_activation_bytes(model: nn.Module, fn: Callable[[], Any]) -> tuple[Any, int]:
    """Run ``fn()`` and count the bytes of the tensors autograd keeps for backward.

    Each storage is counted once; the model's parameters (also saved by some operations)
    are left out. Returns ``(fn's result, bytes)``.
    """
    params = {p.untyped_storage().data_ptr() for p in model.parameters()}
    seen: dict[int, int] = {}

    def pack(t: Tensor) -> Tensor:
        storage = t.untyped_storage()
        ptr = storage.data_ptr()
        if ptr not in params:
            seen[ptr] = storage.nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        out = fn()
    return out, sum(seen.values())
