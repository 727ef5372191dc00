r"""Training utilities: gradient clipping, early stopping, and a guarded training loop.

* **Clipping by norm**: if :math:`\|g\|_2 > c` over *all* parameters together, scale every
  gradient by :math:`c/(\|g\|_2 + 10^{-6})` (``torch.nn.utils.clip_grad_norm_``); the
  direction is kept. Clipping by value clamps each element (``clip_grad_value_``).
* **Early stopping**: stop when the validation metric has not improved by ``min_delta``
  for ``patience`` evaluations, and keep the best weights.
* :func:`train_epoch` is one pass of the training loop: for each batch, forward, loss,
  ``zero_grad``, ``backward``, ``step``. :func:`train` repeats it with evaluation, a
  scheduler, clipping and early stopping, and stops at the first non-finite loss with
  the step number and a diagnosis, instead of training on NaNs for an hour.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.nn.module import Module
from ladder.nn.optim import Optimizer

__all__ = [
    "clip_grad_norm_",
    "clip_grad_value_",
    "EarlyStopping",
    "NonFiniteLossError",
    "train",
    "train_epoch",
    "TrainHistory",
]


def clip_grad_norm_(params: Iterable[Tensor], max_norm: float) -> float:
    """Rescale gradients so that their global L2 norm is at most ``max_norm``; returns the
    norm before clipping."""
    grads = [p.grad for p in params if p.grad is not None]
    total = math.sqrt(sum(float((g.astype(np.float64) ** 2).sum()) for g in grads))
    coef = max_norm / (total + 1e-6)
    if coef < 1.0:
        for p in params:
            if p.grad is not None:
                p.grad = p.grad * np.asarray(coef, dtype=p.grad.dtype)
    return total


def clip_grad_value_(params: Iterable[Tensor], clip_value: float) -> None:
    """Clamp every gradient element to ``[-clip_value, clip_value]``."""
    for p in params:
        if p.grad is not None:
            p.grad = np.clip(p.grad, -clip_value, clip_value)


class EarlyStopping:
    """Tell the loop to stop when a monitored metric stops improving.

    ``mode="min"`` for losses, ``"max"`` for accuracies. ``step(value, model)`` returns
    True when training should stop; the best state dict is in ``best_state``.
    """

    def __init__(self, patience: int = 5, min_delta: float = 0.0, mode: str = "min") -> None:
        if mode not in ("min", "max"):
            raise ValueError(f"mode must be 'min' or 'max', got {mode!r}.")
        self.patience, self.min_delta, self.mode = patience, min_delta, mode
        self.best: float | None = None
        self.best_step = -1
        self.bad_steps = 0
        self.best_state: dict[str, np.ndarray] | None = None
        self._count = 0

    def step(self, value: float, model: Module | None = None) -> bool:
        improved = self.best is None or (
            value < self.best - self.min_delta
            if self.mode == "min"
            else value > self.best + self.min_delta
        )
        if improved:
            self.best, self.best_step, self.bad_steps = value, self._count, 0
            if model is not None:
                self.best_state = model.state_dict()
        else:
            self.bad_steps += 1
        self._count += 1
        return self.bad_steps >= self.patience


class NonFiniteLossError(FloatingPointError):
    """The loss became NaN or infinite; the message has the step and the likely cause."""


def _diagnose(
    loss: float, model: Module, batch: tuple, optimizer: Optimizer, recent: list[float]
) -> str:
    for name, p in model.named_parameters():
        if not np.all(np.isfinite(p.data)):
            return (
                f"parameter {name!r} already holds NaN/Inf: an earlier update diverged. "
                f"Lower the learning rate (lr={optimizer.lr:g}) or clip gradients "
                "(clip_grad_norm_)."
            )
    for k, arr in enumerate(batch):
        a = np.asarray(arr.data if isinstance(arr, Tensor) else arr)
        if np.issubdtype(a.dtype, np.floating) and not np.all(np.isfinite(a)):
            return f"batch element {k} contains NaN/Inf: clean or impute the input data."
    if len(recent) >= 2 and recent[-1] > 10 * min(recent):
        return (
            f"training diverged: the loss grew from {min(recent):.4g} to {recent[-1]:.4g} "
            f"over the last {len(recent)} steps. Lower the learning rate (lr={optimizer.lr:g}) "
            "or clip gradients (clip_norm=1.0)."
        )
    if math.isinf(loss):
        return (
            "the loss is infinite: a log of 0 or an overflow. Use the fused losses on logits "
            "(cross_entropy, binary_cross_entropy_with_logits) instead of log(softmax(...))."
        )
    return (
        f"the loss is NaN with finite inputs and weights: activations overflowed. Lower the "
        f"learning rate (lr={optimizer.lr:g}), normalise the inputs, or clip gradients."
    )


def train_epoch(
    model: Module,
    loss_fn: Callable[[Any, Any], Tensor],
    optimizer: Optimizer,
    batches: Iterable[tuple[Any, Any]],
) -> float:
    """One pass over ``batches``: the mean of the batch losses.

    The model goes into training mode (dropout on, batch norm on batch statistics); for
    each batch: forward, loss, clear the old gradients (``backward`` adds into ``.grad``),
    backward, step::

        model.train()
        for x, y in batches:
            loss = loss_fn(model(Tensor(x)), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    """
    model.train()
    total, count = 0.0, 0
    for x, y in batches:
        loss = loss_fn(model(x if isinstance(x, Tensor) else Tensor(x)), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total, count = total + float(loss.item()), count + 1
    if count == 0:
        raise ValueError("train_epoch got no batches; pass a non-empty iterable of (x, y).")
    return total / count


@dataclass
class TrainHistory:
    """Per-epoch records of a :func:`train` run."""

    train_loss: list[float] = field(default_factory=list)
    val_metric: list[float] = field(default_factory=list)
    steps: int = 0
    stopped_early: bool = False


def train(
    model: Module,
    loss_fn: Callable[[Any, Any], Tensor],
    optimizer: Optimizer,
    batches: Callable[[int], Iterable[tuple[Any, Any]]],
    epochs: int,
    scheduler: Any | None = None,
    clip_norm: float | None = None,
    evaluate: Callable[[Module], float] | None = None,
    early_stopping: EarlyStopping | None = None,
    on_epoch: Callable[[int, TrainHistory], None] | None = None,
) -> TrainHistory:
    """Minimise ``loss_fn(model(x), y)`` over ``batches(epoch)`` for ``epochs`` epochs.

    ``scheduler.step()`` runs once per epoch; ``evaluate(model)`` (in eval mode) feeds
    ``early_stopping``, whose best weights are restored at the end. Raises
    :class:`NonFiniteLossError` at the first NaN/Inf loss.
    """
    history = TrainHistory()
    recent: list[float] = []  # the last few losses, for the diagnosis
    for epoch in range(epochs):
        model.train()
        total, count = 0.0, 0
        for x, y in batches(epoch):
            loss = loss_fn(model(x if isinstance(x, Tensor) else Tensor(x)), y)
            value = float(loss.item())
            if not math.isfinite(value):
                raise NonFiniteLossError(
                    f"loss is {value} at step {history.steps} (epoch {epoch}): "
                    + _diagnose(value, model, (x, y), optimizer, recent)
                )
            optimizer.zero_grad()
            loss.backward()
            if clip_norm is not None:
                clip_grad_norm_(optimizer.params, clip_norm)
            optimizer.step()
            history.steps += 1
            recent = [*recent[-9:], value]
            total, count = total + value, count + 1
        history.train_loss.append(total / max(count, 1))
        if scheduler is not None:
            scheduler.step()
        if evaluate is not None:
            model.eval()
            history.val_metric.append(float(evaluate(model)))
            if early_stopping is not None and early_stopping.step(history.val_metric[-1], model):
                history.stopped_early = True
        if on_epoch is not None:
            on_epoch(epoch, history)
        if history.stopped_early:
            break
    if early_stopping is not None and early_stopping.best_state is not None:
        model.load_state_dict(early_stopping.best_state)
    model.eval()
    return history
